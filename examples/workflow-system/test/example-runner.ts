import {
	createExecutor,
	createMemoryStores,
	type InvocationResult,
	type Principal,
	sequentialIds,
	silentLogger,
} from '@charter/runtime';
import type { ContractSpec, Example, OperationSpec } from '@charter/spec';
import app from '../src/handlers.ts';

/** The instant every acceptance example runs at. */
export const EXAMPLE_CLOCK = '2026-01-01T00:00:00.000Z';

/**
 * Runs one acceptance example the way `charter test` does: a fresh app over memory stores,
 * a fixed clock and sequential ids, the example's fixture, then the input through the
 * executor as the fixture's principal.
 */
export async function runExample(
	contracts: readonly ContractSpec[],
	spec: OperationSpec,
	example: Example,
): Promise<InvocationResult> {
	const clock = () => new Date(EXAMPLE_CLOCK);
	const instance = await app.create({
		stores: createMemoryStores(),
		clock,
		newId: sequentialIds(),
	});
	try {
		const fixture =
			instance.fixtures?.[example.key] ??
			(example.scenario ? instance.fixtures?.[example.scenario] : undefined);
		await fixture?.given?.();
		const principal: Principal | undefined = fixture?.principal
			? { roles: [], permissions: [], ...fixture.principal }
			: undefined;
		const executor = createExecutor({
			contracts,
			bindings: instance.bindings,
			deciders: instance.deciders ?? {},
			contextProvider: () => principal,
			clock,
			logger: silentLogger,
		});
		return await executor.execute({
			operation: spec.meta.key,
			version: spec.meta.version,
			input: structuredClone(example.input),
			metadata: { transport: 'test' },
		});
	} finally {
		await instance.close?.();
	}
}

/**
 * Lists where a value departs from an expected partial (deep subset): objects need the named
 * keys only; arrays match element by element and by length; other values are identical.
 */
export function partialMismatches(expected: unknown, actual: unknown, path = ''): string[] {
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual) || actual.length !== expected.length) {
			return [
				`${path || '/'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
			];
		}
		return expected.flatMap((item, i) => partialMismatches(item, actual[i], `${path}/${i}`));
	}
	if (typeof expected === 'object' && expected !== null) {
		if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
			return [`${path || '/'}: expected an object, got ${JSON.stringify(actual)}`];
		}
		return Object.entries(expected).flatMap(([key, value]) =>
			partialMismatches(value, (actual as Record<string, unknown>)[key], `${path}/${key}`),
		);
	}
	return Object.is(expected, actual)
		? []
		: [`${path || '/'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
