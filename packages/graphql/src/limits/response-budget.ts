/**
 * What one response may still weigh, in bytes of JSON. Resolvers spend it as results arrive, so
 * a request that asks for too much stops before it is serialised, not after.
 */
export class ResponseBudget {
	#spent = 0;
	exceeded = false;

	constructor(readonly limit: number) {}

	/** Counts a value against the budget; false (and `exceeded`) once the budget is gone. */
	spend(value: unknown): boolean {
		if (this.exceeded) return false;
		this.#spent += jsonSizeUpTo(value, this.limit - this.#spent);
		if (this.#spent > this.limit) this.exceeded = true;
		return !this.exceeded;
	}
}

/**
 * Estimates the size of a value as JSON (strings by length), walking only until `limit` is
 * passed: the cost of the walk is bounded by the limit, not by the value.
 */
export function jsonSizeUpTo(value: unknown, limit: number): number {
	let size = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0 && size <= limit) {
		const item = stack.pop();
		if (typeof item === 'string') size += item.length + 2;
		else if (typeof item === 'number' || typeof item === 'boolean') size += 6;
		else if (item === null || item === undefined) size += 4;
		else if (Array.isArray(item)) {
			size += 2 + item.length;
			for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
		} else if (typeof item === 'object') {
			for (const key in item) {
				size += key.length + 4;
				stack.push((item as Record<string, unknown>)[key]);
			}
			size += 2;
		}
	}
	return size;
}
