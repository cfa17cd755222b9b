import * as crypto from 'node:crypto';
import { canonicalJson } from '../json/safe-json.ts';

/** One-shot `crypto.hash` (Node 20.12+) skips a Hash object per digest; older Node falls back. */
const sha256Hex: (text: string) => string =
	typeof (crypto as { hash?: unknown }).hash === 'function'
		? (text) => crypto.hash('sha256', text, 'hex')
		: (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * SHA-256 (hex) of a value's canonical JSON: equal inputs give equal digests whatever their
 * key order. The audit log records it instead of the input; idempotency compares payloads by it.
 */
export function inputDigest(value: unknown): string {
	return sha256Hex(canonicalJson(value));
}
