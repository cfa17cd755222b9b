import {
	type Context,
	ROOT_CONTEXT,
	type SpanContext,
	TraceFlags,
	trace,
} from '@opentelemetry/api';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The remote span context a W3C `traceparent` names, or undefined for a missing or malformed
 * one (version ff, an all-zero trace or parent id). A caller's trace continues from it; it
 * identifies no one (the audit records the authenticated principal, never a header).
 */
export function parseTraceparent(header: string | undefined): SpanContext | undefined {
	const match = header ? TRACEPARENT.exec(header.trim()) : null;
	if (!match || match[1] === 'ff' || /^0+$/.test(match[2]!) || /^0+$/.test(match[3]!)) {
		return undefined;
	}
	return {
		traceId: match[2]!,
		spanId: match[3]!,
		traceFlags: Number.parseInt(match[4]!, 16) & TraceFlags.SAMPLED,
		isRemote: true,
	};
}

/** The W3C `traceparent` of a span context. */
export function formatTraceparent(span: SpanContext): string {
	const flags = span.traceFlags & 0xff;
	const hex = flags === 0 ? '00' : flags === 1 ? '01' : flags.toString(16).padStart(2, '0');
	return `00-${span.traceId}-${span.spanId}-${hex}`;
}

/** A context whose parent is the span a `traceparent` names; the root context without one. */
export function contextOfTraceparent(header: string | undefined): Context {
	const parent = parseTraceparent(header);
	return parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
}
