import type { InvocationMetadata } from '../executor/executor-port.ts';

/**
 * The idempotency key of one GraphQL request and whether a mutation of it was replayed: the
 * resolvers of its mutation fields pass the key to the executor and mark a replay here.
 */
export interface RequestIdempotency {
	readonly key: string;
	replayed: boolean;
}

/**
 * Reads a request's idempotency key from `extensions.idempotencyKey` or the `Idempotency-Key`
 * header (the same key if both are sent). Gives undefined without a key, and a message for a
 * key that is not a string or two keys that differ.
 */
export function requestIdempotency(
	extensions: unknown,
	metadata: InvocationMetadata,
): { ok: true; value: RequestIdempotency | undefined } | { ok: false; message: string } {
	const fromExtensions =
		typeof extensions === 'object' && extensions !== null && !Array.isArray(extensions)
			? (extensions as Record<string, unknown>).idempotencyKey
			: undefined;
	if (fromExtensions !== undefined && typeof fromExtensions !== 'string') {
		return { ok: false, message: '"extensions.idempotencyKey" must be a string' };
	}
	const fromHeader = metadata.headers?.['idempotency-key'];
	if (fromExtensions !== undefined && fromHeader !== undefined && fromExtensions !== fromHeader) {
		return {
			ok: false,
			message: 'the Idempotency-Key header and "extensions.idempotencyKey" differ; send one key',
		};
	}
	const key = fromExtensions ?? fromHeader;
	return { ok: true, value: key === undefined ? undefined : { key, replayed: false } };
}
