import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { ResponseState } from '../executor/response-control.ts';

/** The successful result of a command, kept to replay it for the same idempotency key. */
export interface StoredOutcome {
	readonly output: unknown;
	readonly events: readonly EventEnvelope[];
	/**
	 * The status and headers the handler set (`ctx.response`), replayed alike, and the cookies
	 * whose value is no secret (cleared, or declared `replay: true`): see `storedResponse`.
	 */
	readonly response?: ResponseState;
}

/** One idempotency key as stored: claimed (in flight) or completed with its outcome. */
export interface IdempotencyRecord {
	/** `tenant|principal|operation@version|key`: keys never cross callers or operations. */
	readonly scope: string;
	/** Digest of the validated input; a different one means the key was reused. */
	readonly fingerprint: string;
	readonly state: 'in-flight' | 'completed';
	readonly outcome?: StoredOutcome;
	readonly createdAt: string;
	/**
	 * An in-flight claim older than this is abandoned and may be taken over: a claim made outside
	 * a transaction, whose process died before releasing or completing it.
	 */
	readonly leaseUntil: string;
}

/** Whether a claim was won, or the record that holds the key. */
export type ClaimResult =
	| { readonly claimed: true }
	| { readonly claimed: false; readonly record: IdempotencyRecord };

/**
 * Stores idempotency keys. `claim` must be atomic (insert if absent, or take over an expired
 * lease, or a completed key claimed `retentionMs` or longer ago: past its retention a key is
 * new again). The executor claims and completes through the command's transaction
 * (`TransactionScope.idempotency`): the claim and the outcome commit with the command's writes,
 * and a command that fails or whose process dies leaves no claim behind (a unit of work whose
 * transaction cannot undo a claim releases it when the work fails, as the memory one does).
 * A store may forget keys past their retention; without `retentionMs` keys are kept.
 */
export interface IdempotencyStore {
	claim(
		scope: string,
		fingerprint: string,
		at: Date,
		leaseMs: number,
		retentionMs?: number,
	): Promise<ClaimResult>;
	complete(scope: string, outcome: StoredOutcome): Promise<void>;
	/** Frees a claim after a failure, so the caller may retry with the same key. */
	release(scope: string): Promise<void>;
}
