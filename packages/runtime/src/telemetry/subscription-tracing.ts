import { context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import { parseTraceparent } from './trace-context.ts';

/** What a subscription span says about the stream it covers. */
export interface TracedSubscription {
	/** The event subscribed to (`todo.created`). */
	readonly event: string;
	/** The transport (`graphql`, `sse`...). */
	readonly surface: string;
	/** The principal that subscribed, if any (never a token). */
	readonly principalId?: string | undefined;
}

/**
 * Traces a live subscription: one span, `subscribe <event>`, from the moment it starts
 * listening to the moment it ends (a child of the request's span when one is active, else a
 * SERVER span of its own), with a `deliver` span event per event it hands to its subscriber
 * and a link to the span of the command that emitted each one (the envelope's
 * `traceparent`), so a trace tool leads from the stream to the causes of what it carried.
 * It ends with the count delivered; an iterator that throws marks it failed. The stream the
 * sampler dropped is returned as it is.
 */
export function traceSubscription(
	tracer: Tracer,
	subscription: TracedSubscription,
	events: AsyncIterableIterator<EventEnvelope>,
): AsyncIterableIterator<EventEnvelope> {
	const active = context.active();
	const span = tracer.startSpan(
		`subscribe ${subscription.event}`,
		{
			kind: trace.getSpan(active) === undefined ? SpanKind.SERVER : SpanKind.INTERNAL,
			attributes: {
				'charter.event': subscription.event,
				'charter.surface': subscription.surface,
				...(subscription.principalId !== undefined
					? { 'enduser.id': subscription.principalId }
					: {}),
			},
		},
		active,
	);
	if (!span.isRecording()) return events;
	let delivered = 0;
	let ended = false;
	const end = (error?: unknown) => {
		if (ended) return;
		ended = true;
		span.setAttribute('charter.subscription.delivered', delivered);
		if (error !== undefined)
			span.setStatus({
				code: SpanStatusCode.ERROR,
				message: error instanceof Error ? error.message : String(error),
			});
		span.end();
	};
	return {
		async next() {
			try {
				const result = await events.next();
				if (result.done) {
					end();
					return result;
				}
				const event = result.value;
				delivered++;
				span.addEvent('deliver', {
					'messaging.message.id': event.id,
					'charter.event': event.type,
				});
				const cause = parseTraceparent(event.traceparent);
				if (cause) span.addLink({ context: cause });
				return result;
			} catch (error) {
				end(error);
				throw error;
			}
		},
		async return(value?: unknown) {
			end();
			return (await events.return?.(value)) ?? { value: undefined, done: true };
		},
		async throw(error?: unknown) {
			end(error);
			if (events.throw) return events.throw(error);
			throw error;
		},
		[Symbol.asyncIterator]() {
			return this;
		},
	};
}
