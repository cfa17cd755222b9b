/** Where an actual value departs from the expected partial. */
export interface Mismatch {
	/** JSON pointer into the value. */
	readonly path: string;
	readonly expected: unknown;
	readonly actual: unknown;
}

/**
 * Compares a value with an expected partial (deep subset): every key the expectation names
 * must be there with a matching value; arrays match element by element and by length.
 */
export function partialMismatches(expected: unknown, actual: unknown, path = ''): Mismatch[] {
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual) || actual.length !== expected.length)
			return [{ path, expected, actual }];
		return expected.flatMap((item, index) =>
			partialMismatches(item, actual[index], `${path}/${index}`),
		);
	}
	if (typeof expected === 'object' && expected !== null) {
		if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
			return [{ path, expected, actual }];
		return Object.entries(expected).flatMap(([key, value]) =>
			partialMismatches(
				value,
				(actual as Record<string, unknown>)[key],
				`${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
			),
		);
	}
	return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}
