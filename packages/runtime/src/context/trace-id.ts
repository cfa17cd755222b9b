import { randomFillSync } from 'node:crypto';
import type { InvocationMetadata } from './principal.ts';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

// Random bytes are drawn 4 KiB at a time: one `randomBytes(16)` per call was a synchronous
// trip to the system's random source per request.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function randomHex16(): string {
	if (offset + 16 > POOL_SIZE) {
		randomFillSync(pool);
		offset = 0;
	}
	const hex = pool.toString('hex', offset, offset + 16);
	offset += 16;
	return hex;
}

/** Gives the trace id of a W3C `traceparent` header, or a new random one. */
export function traceIdOf(metadata: InvocationMetadata | undefined): string {
	const header = metadata?.headers?.traceparent;
	const match = header ? TRACEPARENT.exec(header.trim()) : null;
	if (match && !/^0+$/.test(match[1]!)) return match[1]!;
	return randomHex16();
}
