/** One record per command invocation that reached authentication. */
export interface AuditRecord {
	readonly id: string;
	readonly operation: string;
	readonly version: string;
	readonly principalId?: string;
	readonly tenant?: string;
	/** SHA-256 (hex) of the canonical JSON of the validated input; never the input itself. */
	readonly inputDigest: string;
	/**
	 * Which fields and enum values the input used, without its values (see {@link InputShape}).
	 * Absent on records written before Charter recorded it: their shape is unknown.
	 */
	readonly inputShape?: InputShape;
	/** `OK`, or the problem code the command ended with. */
	readonly resultCode: string;
	readonly status: number;
	/** True when the result was replayed from an idempotency key. */
	readonly replayed: boolean;
	readonly idempotencyKey?: string;
	/**
	 * The server's trace id of the call: the call's own, or a new one when the call continued
	 * a trace the caller named (a caller never chooses the trace id of an audit record).
	 */
	readonly traceId: string;
	/** The trace the caller named in `traceparent`, linked for correlation, never trusted. */
	readonly callerTraceId?: string;
	/** The audit records the contract declares (`sideEffects.audit`), on success. */
	readonly records: readonly string[];
	readonly startedAt: string;
	readonly finishedAt: string;
}

/** The shape of a command's input: what it sent, never the values it sent. */
export interface InputShape {
	/** JSON pointers of the fields present; an array item or a record entry is the token `*`. */
	readonly fields: readonly string[];
	/** The enum values used, as `[pointer, value]`: contract constants, not user data. */
	readonly enums: readonly (readonly [string, string])[];
	/** True when the input had more entries than kept (256): the lists are partial. */
	readonly truncated?: boolean;
}

/** Which audit records to list; every field narrows the result. */
export interface AuditFilter {
	/** One operation key. */
	readonly operation?: string;
	/** One principal id. */
	readonly principal?: string;
	/** One tenant (`null`: records of no tenant). */
	readonly tenant?: string | null;
	/** `ok` (resultCode `OK`) or `problem` (any other result). */
	readonly outcome?: 'ok' | 'problem';
	/** One result code: `OK` or a problem code such as `FORBIDDEN`. */
	readonly resultCode?: string;
	/** The records of one trace (the call that caused an event, for instance). */
	readonly traceId?: string;
	/**
	 * The records whose caller named this trace in `traceparent` (their `callerTraceId`): a
	 * caller chooses it, so it correlates and never identifies one record.
	 */
	readonly callerTraceId?: string;
	/**
	 * The records of one trace, as their own (`traceId`) or as the one their caller named
	 * (`callerTraceId`): what may have caused an event of that trace, in one query.
	 */
	readonly inTrace?: string;
	/** Records started at or after this instant (ISO 8601 or a Date). */
	readonly since?: string | Date;
	/** Records started before this instant (ISO 8601 or a Date). */
	readonly until?: string | Date;
	/** Only the newest `limit` records (still returned oldest first). */
	readonly limit?: number;
	/** Records after this position (`seq` of the SQL stores): how `audit tail --follow` pages. */
	readonly afterSeq?: number;
	/** Records before this position: how a reader pages back from the newest. */
	readonly beforeSeq?: number;
}

/** Stores audit records. `append` runs inside the command's transaction on success. */
export interface AuditStore {
	append(record: AuditRecord): Promise<void>;
	/** Records, oldest first, matching the filter. SQL stores add their position as `seq`. */
	list(filter?: AuditFilter): Promise<AuditRecord[]>;
}
