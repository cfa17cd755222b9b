/** One record per command invocation that reached authentication. */
export interface AuditRecord {
	readonly id: string;
	readonly operation: string;
	readonly version: string;
	readonly principalId?: string;
	readonly tenant?: string;
	/** SHA-256 (hex) of the canonical JSON of the validated input; never the input itself. */
	readonly inputDigest: string;
	/** `OK`, or the problem code the command ended with. */
	readonly resultCode: string;
	readonly status: number;
	/** True when the result was replayed from an idempotency key. */
	readonly replayed: boolean;
	readonly idempotencyKey?: string;
	readonly traceId: string;
	/** The audit records the contract declares (`sideEffects.audit`), on success. */
	readonly records: readonly string[];
	readonly startedAt: string;
	readonly finishedAt: string;
}

/** Which audit records to list; every field narrows the result. */
export interface AuditFilter {
	/** One operation key. */
	readonly operation?: string;
	/** One principal id. */
	readonly principal?: string;
	/** Records started at or after this instant (ISO 8601 or a Date). */
	readonly since?: string | Date;
	/** Only the newest `limit` records (still returned oldest first). */
	readonly limit?: number;
	/** Records after this position (`seq` of the SQL stores): how `audit tail --follow` pages. */
	readonly afterSeq?: number;
}

/** Stores audit records. `append` runs inside the command's transaction on success. */
export interface AuditStore {
	append(record: AuditRecord): Promise<void>;
	/** Records, oldest first, matching the filter. SQL stores add their position as `seq`. */
	list(filter?: AuditFilter): Promise<AuditRecord[]>;
}
