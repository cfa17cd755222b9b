import { randomHex } from '../ids/random-ids.ts';
import type { InvocationMetadata } from './principal.ts';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Gives the trace id of a W3C `traceparent` header, or a new random one. */
export function traceIdOf(metadata: InvocationMetadata | undefined): string {
	const header = metadata?.headers?.traceparent;
	const match = header ? TRACEPARENT.exec(header.trim()) : null;
	if (match && !/^0+$/.test(match[1]!)) return match[1]!;
	return randomHex(16);
}
