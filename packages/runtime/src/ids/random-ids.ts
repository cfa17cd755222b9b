import { randomFillSync } from 'node:crypto';

/*
 * Random ids for every command (trace ids, audit record and event ids), drawn from one pool of
 * cryptographically random bytes refilled 4 KiB at a time: a trip to the system's random
 * source per id was a measurable share of a request.
 */

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** The offset of `count` fresh random bytes in the pool. */
function take(count: number): number {
	if (offset + count > POOL_SIZE) {
		randomFillSync(pool);
		offset = 0;
	}
	const at = offset;
	offset += count;
	return at;
}

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
	const at = take(bytes);
	return pool.toString('hex', at, at + bytes);
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const uuidText = Buffer.alloc(36);

/**
 * A random (version 4) UUID, like `crypto.randomUUID()`, as one flat string. Node 20 builds
 * `randomUUID()` by concatenating twenty pieces, which V8 keeps as a rope of cons cells
 * (~490 bytes instead of ~50) until something flattens it: costly for ids that stay in memory,
 * like those of a memory audit log or outbox.
 */
export function randomUuid(): string {
	const at = take(16);
	pool[at + 6] = (pool[at + 6]! & 0x0f) | 0x40; // version 4
	pool[at + 8] = (pool[at + 8]! & 0x3f) | 0x80; // RFC 9562 variant
	let write = 0;
	for (let i = 0; i < 16; i++) {
		if (i === 4 || i === 6 || i === 8 || i === 10) uuidText[write++] = 0x2d; // '-'
		const byte = pool[at + i]!;
		uuidText[write++] = HEX_DIGITS[byte >> 4]!;
		uuidText[write++] = HEX_DIGITS[byte & 0x0f]!;
	}
	return uuidText.toString('latin1', 0, 36);
}
