/** A bounded memory store's capacity: the one given (a positive integer) or its default. */
export function ringCapacity(store: string, given: number | undefined, fallback: number): number {
	const capacity = given ?? fallback;
	if (!(Number.isInteger(capacity) && capacity > 0)) {
		throw new RangeError(`the ${store} capacity must be a positive integer, got ${capacity}`);
	}
	return capacity;
}
