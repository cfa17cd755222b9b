import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../bus/event-envelope.ts';
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
	emit(key: string, payload: unknown): void;
	readonly envelopes: readonly EventEnvelope[];
}

/** Creates the emit buffer of one invocation, validating each payload as it is emitted. */
export function createEmitBuffer(
	plan: CompiledPlan,
	at: () => Date,
	traceId: string,
	tenant: string | undefined,
): EmitBuffer {
	const envelopes: EventEnvelope[] = [];
	return {
		emit(key, payload) {
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
			envelopes.push({
				specversion: '1.0',
				id: randomUUID(),
				source: `charter:operation/${plan.id}`,
				type: key,
				time: at().toISOString(),
				datacontenttype: 'application/json',
				data,
				eventversion: declared.version,
				traceid: traceId,
				...(tenant ? { tenant } : {}),
			});
		},
		get envelopes() {
			return envelopes;
		},
	};
}
