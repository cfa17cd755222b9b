import { randomHex } from '../ids/random-ids.ts';
import { parseTraceparent } from '../telemetry/trace-context.ts';
import type { InvocationMetadata } from './principal.ts';

/** Gives the trace id of a W3C `traceparent` header, or a new random one. */
export function traceIdOf(metadata: InvocationMetadata | undefined): string {
	return callerTraceIdOf(metadata) ?? randomHex(16);
}

/** The trace id the caller sent in a W3C `traceparent` header, when valid: for correlation only. */
export function callerTraceIdOf(metadata: InvocationMetadata | undefined): string | undefined {
	return parseTraceparent(metadata?.headers?.traceparent)?.traceId;
}
