/*
 * One Idempotency-Key per `mutate` call, shared by its retries: TanStack Query hands every
 * attempt the same variables object, so the key is remembered against that object (and
 * forgotten with it). A new call, even with equal input, is a new object and a new key.
 */
const keys = new WeakMap<object, string>();

/**
 * Gives the idempotency key of a mutation's variables: the same for every retry of one call.
 * Inputs that are not objects (a string, a number) cannot be told apart between calls, so each
 * attempt gets a fresh key.
 */
export function idempotencyKeyFor(variables: unknown): string {
	if (typeof variables !== 'object' || variables === null) return randomKey();
	let key = keys.get(variables);
	if (!key) {
		key = randomKey();
		keys.set(variables, key);
	}
	return key;
}

/** A random UUID v4; `crypto.randomUUID` is missing outside secure contexts (plain http on a LAN). */
export function randomKey(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
