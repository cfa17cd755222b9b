import { isoTimestamp } from '../clock/iso-timestamp.ts';
import type { Principal } from '../context/principal.ts';
import { randomHex, randomUuid } from '../ids/random-ids.ts';
import type { AuditRecord, AuditStore } from '../stores/audit-store.ts';
import { SETTLED } from '../stores/settled.ts';
import { inputDigest } from './input-digest.ts';
import { inputShape } from './input-shape.ts';
import type { CompiledPlan } from './operation-plan.ts';

/**
 * The audit record of one command that reached authentication, written once: inside the
 * command's transaction on success, on its own for a refusal or a failure.
 */
export class AuditTrail {
	readonly inputDigest: string;
	/** True once a record was handed to a store; a rolled-back transaction sets it back. */
	written = false;
	readonly #startedAt: string;
	readonly #input: unknown;

	constructor(
		private readonly plan: CompiledPlan,
		private readonly principal: Principal | undefined,
		private readonly idempotencyKey: string | undefined,
		private readonly traceId: string,
		private readonly clock: () => Date,
		input: unknown,
		/** The trace id the caller sent (`traceparent`), if any: linked, never the record's own. */
		private readonly callerTraceId?: string,
	) {
		this.#startedAt = isoTimestamp(clock());
		this.inputDigest = inputDigest(input);
		this.#input = input;
	}

	/** True when the caller was anonymous. */
	get anonymous(): boolean {
		return this.principal === undefined;
	}

	/** Appends the record to `store` unless one was already written. */
	finish(code: string, status: number, replayed: boolean, store: AuditStore): Promise<void> {
		if (this.written) return DONE;
		const { plan, principal } = this;
		// Optional fields set in place, not spread from a temporary object each.
		const record: { -readonly [K in keyof AuditRecord]: AuditRecord[K] } = {
			id: randomUuid(),
			operation: plan.key,
			version: plan.version,
			inputDigest: this.inputDigest,
			// Taken when the record is written: a call never audited costs no walk.
			inputShape: inputShape(plan.spec.io.input, this.#input),
			resultCode: code,
			status,
			replayed,
			// A trace id the caller chose is linked, not kept as the record's: a new one is.
			traceId: this.callerTraceId === this.traceId ? randomHex(16) : this.traceId,
			records: code === 'OK' ? plan.spec.sideEffects.audit : [],
			startedAt: this.#startedAt,
			finishedAt: isoTimestamp(this.clock()),
		};
		if (principal) record.principalId = principal.id;
		if (principal?.tenant) record.tenant = principal.tenant;
		if (this.idempotencyKey !== undefined) record.idempotencyKey = this.idempotencyKey;
		if (this.callerTraceId !== undefined) record.callerTraceId = this.callerTraceId;
		// Marked before the write settles: a failed write inside a transaction rolls the
		// transaction back, and the pipeline then resets `written` to audit the failure.
		this.written = true;
		return store.append(record);
	}
}

const DONE: Promise<void> = SETTLED;
