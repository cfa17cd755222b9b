import type { EventEnvelope } from '../bus/event-envelope.ts';
import { isoTimestamp } from '../clock/iso-timestamp.ts';
import { randomUuid } from '../ids/random-ids.ts';
import { copyValue } from '../json/copy-value.ts';
import type { CompiledPlan } from './operation-plan.ts';

/** Thrown by `ctx.emit` when a handler emits an undeclared event or an invalid payload. */
export class EventContractViolation extends Error {
	override readonly name = 'EventContractViolation';
	constructor(
		readonly event: string,
		readonly issues: readonly { path: string; code: string; message: string }[],
		message: string,
	) {
		super(message);
	}
}

/** Collects a handler's events; they leave the buffer only when the command commits. */
export interface EmitBuffer {
	/** A function for `ctx.emit`: it uses no `this`, so handlers may destructure it. */
	readonly emit: (key: string, payload: unknown) => void;
	readonly envelopes: readonly EventEnvelope[];
}

/** Where an event's `traceparent` comes from: read on the first emit, not per call. */
export interface TraceparentSource {
	readonly traceparent: string | undefined;
}

/** Creates the emit buffer of one invocation, validating each payload as it is emitted. */
export function createEmitBuffer(
	plan: CompiledPlan,
	at: () => Date,
	traceId: string,
	tenant: string | undefined,
	trace?: TraceparentSource,
): EmitBuffer {
	return new LazyEmitBuffer(plan, at, traceId, tenant, trace);
}

/** The events of a call that emitted none, shared. */
export const NO_EVENTS: readonly EventEnvelope[] = Object.freeze([]);

/**
 * Most handlers never emit: the `emit` function and the envelope list are made on first use,
 * not per call.
 */
class LazyEmitBuffer implements EmitBuffer {
	#emit: ((key: string, payload: unknown) => void) | undefined;
	#envelopes: EventEnvelope[] | undefined;

	constructor(
		private readonly plan: CompiledPlan,
		private readonly at: () => Date,
		private readonly traceId: string,
		private readonly tenant: string | undefined,
		private readonly trace: TraceparentSource | undefined,
	) {}

	get emit(): (key: string, payload: unknown) => void {
		this.#emit ??= (key, payload) => this.#push(key, payload);
		return this.#emit;
	}

	get envelopes(): readonly EventEnvelope[] {
		return this.#envelopes ?? NO_EVENTS;
	}

	#push(key: string, payload: unknown): void {
		const { plan } = this;
		const declared = plan.events.get(key);
		if (!declared) {
			throw new EventContractViolation(
				key,
				[],
				`${plan.id} emitted "${key}", which its contract does not declare in sideEffects.emits`,
			);
		}
		// Validate a copy: stripping or defaults must not touch the handler's own objects.
		const data = copyValue(payload);
		const result = declared.validate?.validate(data);
		if (result && !result.ok) {
			throw new EventContractViolation(
				key,
				result.issues,
				`${plan.id} emitted "${key}" with a payload that breaks its contract`,
			);
		}
		const envelope: { -readonly [K in keyof EventEnvelope]: EventEnvelope[K] } = {
			specversion: '1.0',
			id: randomUuid(),
			source: `charter:operation/${plan.id}`,
			type: key,
			time: isoTimestamp(this.at()),
			datacontenttype: 'application/json',
			data,
			eventversion: declared.version,
			traceid: this.traceId,
		};
		if (this.tenant) envelope.tenant = this.tenant;
		const traceparent = this.trace?.traceparent;
		if (traceparent) envelope.traceparent = traceparent;
		this.#envelopes ??= [];
		this.#envelopes.push(envelope);
	}
}
