import {
	context,
	type Link,
	ROOT_CONTEXT,
	SpanKind,
	SpanStatusCode,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import { contextOfTraceparent, parseTraceparent } from './trace-context.ts';

function eventAttributes(event: EventEnvelope) {
	return {
		'messaging.message.id': event.id,
		'charter.event': event.type,
		'charter.event.version': event.eventversion,
	};
}

/**
 * Runs a subscriber for one event in a consumer span of its own trace, linked to the span of
 * the command that emitted it (the envelope's `traceparent`): a subscriber runs later, maybe
 * many times, so it is not a child of the request.
 */
export function traceDelivery<T>(
	tracer: Tracer,
	event: EventEnvelope,
	deliver: () => Promise<T>,
): Promise<T> {
	const cause = parseTraceparent(event.traceparent);
	const links: Link[] = cause ? [{ context: cause }] : [];
	const span = tracer.startSpan(
		`process ${event.type}`,
		{ kind: SpanKind.CONSUMER, links, attributes: eventAttributes(event) },
		ROOT_CONTEXT,
	);
	return settle(
		span,
		context.with(trace.setSpan(ROOT_CONTEXT, span), async () => deliver()),
	);
}

/**
 * Publishes one event in a producer span that continues the trace of the command that
 * emitted it: the outbox relay's hop is part of the command's trace.
 */
export function tracePublish<T>(
	tracer: Tracer,
	event: EventEnvelope,
	publish: () => Promise<T>,
): Promise<T> {
	const parent = contextOfTraceparent(event.traceparent);
	const span = tracer.startSpan(
		`publish ${event.type}`,
		{ kind: SpanKind.PRODUCER, attributes: eventAttributes(event) },
		parent,
	);
	return settle(
		span,
		context.with(trace.setSpan(parent, span), async () => publish()),
	);
}

async function settle<T>(span: ReturnType<Tracer['startSpan']>, work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (error) {
		span.setStatus({
			code: SpanStatusCode.ERROR,
			message: error instanceof Error ? error.message : String(error),
		});
		throw error;
	} finally {
		span.end();
	}
}
