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

/** Stores audit records. `append` runs inside the command's transaction on success. */
export interface AuditStore {
	append(record: AuditRecord): Promise<void>;
	/** Records, oldest first, optionally for one operation key. */
	list(filter?: { operation?: string }): Promise<AuditRecord[]>;
}
