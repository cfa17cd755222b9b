import { randomHex } from '../ids/random-ids.ts';
import type { InvocationMetadata } from './principal.ts';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Gives the trace id of a W3C `traceparent` header, or a new random one. */
export function traceIdOf(metadata: InvocationMetadata | undefined): string {
	return callerTraceIdOf(metadata) ?? randomHex(16);
}

/** The trace id the caller sent in a W3C `traceparent` header, when valid: for correlation only. */
export function callerTraceIdOf(metadata: InvocationMetadata | undefined): string | undefined {
	const header = metadata?.headers?.traceparent;
	const match = header ? TRACEPARENT.exec(header.trim()) : null;
	return match && !/^0+$/.test(match[1]!) ? match[1]! : undefined;
}
