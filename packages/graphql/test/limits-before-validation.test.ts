import * as graphql from 'graphql';
import { buildSchema } from 'graphql';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareOperation } from '../src/http/graphql-request.ts';
import { resolveLimits } from '../src/limits/query-limits.ts';

/*
 * graphql-js's full validation costs CPU quadratic in the fields of a hostile document (the
 * overlapping-fields rule compares every pair). The cheap limits (aliases, depth, cost, tokens)
 * refuse such a document before it, so full validation never runs on it.
 */
vi.mock('graphql', async (original) => {
	const actual = await original<typeof import('graphql')>();
	return {
		...actual,
		validate: vi.fn((...args: Parameters<typeof actual.validate>) => actual.validate(...args)),
	};
});

const schema = buildSchema(`
	type Item { id: ID name: String items: [Item] }
	type Query { list(limit: Int): [Item] item: Item }
`);
const limits = resolveLimits(schema, {});
/** Full validations: the rule list left to graphql-js's specified rules. */
const fullValidations = () =>
	vi.mocked(graphql.validate).mock.calls.filter(([, , rules]) => rules === undefined).length;

describe('GraphQL limits run before full validation', () => {
	beforeEach(() => {
		vi.mocked(graphql.validate).mockClear();
	});

	it('a document of 200 aliases is refused without full validation', () => {
		const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: list(limit: 10) { id name }`).join(' ')} }`;
		const prepared = prepareOperation(schema, { query }, limits);
		expect(prepared.ok).toBe(false);
		expect(prepared.ok ? [] : prepared.errors[0]?.message).toBe(
			'the query uses 200 aliases; the limit is 10',
		);
		expect(fullValidations()).toBe(0);
	});

	it('3,000 repetitions of one field are refused by cost without full validation', () => {
		const query = `{ ${'item { id } '.repeat(3000)}}`;
		const prepared = prepareOperation(schema, { query }, limits);
		expect(prepared.ok ? undefined : prepared.errors[0]?.message).toMatch(/^the query costs 6000 /);
		expect(fullValidations()).toBe(0);
	});

	it('too deep a document is refused without full validation', () => {
		const query = `{ item { ${'items { '.repeat(20)}id${' }'.repeat(20)} } }`;
		const prepared = prepareOperation(schema, { query }, limits);
		expect(prepared.ok ? undefined : prepared.errors[0]?.message).toBe(
			'the query is 22 levels deep; the limit is 12',
		);
		expect(fullValidations()).toBe(0);
	});

	it('an operation other than the one asked for counts too, since validation reads it all', () => {
		const query = `query Small { item { id } } query Big { ${'item { id } '.repeat(3000)}}`;
		const prepared = prepareOperation(schema, { query, operationName: 'Small' }, limits);
		expect(prepared.ok).toBe(false);
		expect(fullValidations()).toBe(0);
	});

	it('past the token limit, parsing stops before any validation', () => {
		const query = `{ ${'item { id } '.repeat(6000)}}`;
		const prepared = prepareOperation(schema, { query }, limits);
		expect(prepared.ok ? undefined : prepared.errors[0]?.message).toMatch(/more that 20000 tokens/);
		expect(vi.mocked(graphql.validate)).not.toHaveBeenCalled();
	});

	it('a document within the limits is still fully validated', () => {
		const valid = prepareOperation(schema, { query: '{ list(limit: 5) { id a: name } }' }, limits);
		expect(valid.ok).toBe(true);
		const invalid = prepareOperation(schema, { query: '{ item { nope } }' }, limits);
		expect(invalid.ok ? undefined : invalid.errors[0]?.message).toMatch(
			/Cannot query field "nope"/,
		);
		expect(fullValidations()).toBe(2);
	});
});
