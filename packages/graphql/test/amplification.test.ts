import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { defineSchemaModel, listOf, recordOf, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineQuery } from '@charter/spec';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphqlHandler, type QueryLimits } from '../src/index.ts';

/*
 * The attacks of issue 14 (High 3): a signed-in user (here anyone) asks for a list whose items
 * carry a 1 MB context, many times over with aliases; an anonymous caller sends a huge
 * introspection query. Each is refused with a 400 before the server builds the response.
 */

const Item = defineSchemaModel({
	name: 'Item',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		context: { type: recordOf(ScalarTypeEnum.String()), isOptional: false },
	},
});
const ListItems = defineQuery({
	meta: { key: 'big.item.list', version: '1.0.0', description: 'Items with a big context.' },
	io: {
		input: defineSchemaModel({
			name: 'ListItemsInput',
			fields: { limit: { type: ScalarTypeEnum.Int(), isOptional: true } },
		}),
		output: defineSchemaModel({
			name: 'ItemPage',
			fields: { items: { type: listOf(Item), isOptional: false } },
		}),
	},
	policy: { auth: 'anonymous' },
});
const Slow = defineQuery({
	meta: { key: 'big.item.slow', version: '1.0.0', description: 'Takes its time.' },
	io: {
		input: defineSchemaModel({ name: 'SlowInput', fields: {} }),
		output: defineSchemaModel({
			name: 'SlowResult',
			fields: { ok: { type: ScalarTypeEnum.Boolean(), isOptional: false } },
		}),
	},
	policy: { auth: 'anonymous' },
});

const MEGABYTE = 'x'.repeat(1024 * 1024);
const executor = createExecutor({
	contracts: createRegistry([ListItems, Slow]),
	logger: silentLogger,
	bindings: [
		implement(ListItems, (input) => ({
			items: Array.from({ length: input.limit ?? 10 }, (_, i) => ({
				id: `i${i}`,
				context: { blob: MEGABYTE },
			})),
		})),
		implement(Slow, async (_input, ctx) => {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			return { ok: !ctx.signal?.aborted };
		}),
	],
});
const handlerWith = (limits: QueryLimits = {}) =>
	createGraphqlHandler(createRegistry([ListItems, Slow]), { executor, limits });

async function post(handler: ReturnType<typeof handlerWith>, query: string) {
	const response = await handler.fetch(
		new Request('http://localhost/graphql', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ query }),
		}),
	);
	const text = await response.text();
	return { status: response.status, size: text.length, body: JSON.parse(text) };
}
const aliased = (n: number, selection = 'items { id context }') =>
	`{ ${Array.from({ length: n }, (_, i) => `a${i}: bigItemList(input: { limit: 10 }) { ${selection} }`).join(' ')} }`;

describe('GraphQL amplification', () => {
	const handler = handlerWith();

	it('one page of 10 items with 1 MB contexts is served', async () => {
		const { status, size } = await post(handler, aliased(1));
		expect(status).toBe(200);
		expect(size).toBeGreaterThan(10 * 1024 * 1024);
	});

	it.each([20, 60])('%i aliases of that page are refused as QUERY_TOO_COMPLEX (400)', async (n) => {
		const { status, body } = await post(handler, aliased(n));
		expect(status).toBe(400);
		expect(body.errors[0]).toMatchObject({
			message: `the query uses ${n} aliases; the limit is 10`,
			extensions: { code: 'QUERY_TOO_COMPLEX', status: 400 },
		});
	});

	it('aliases under the limit that would return too much are refused before serialising', async () => {
		const { status, size, body } = await post(handler, aliased(8));
		expect(status).toBe(400);
		expect(size).toBeLessThan(1000);
		expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
		expect(body.errors[0].message).toMatch(/would exceed \d+ bytes/);
	});

	it('aliases inside list items that repeat a big field are refused by the response size', async () => {
		const repeated = `items { ${Array.from({ length: 9 }, (_, i) => `c${i}: context`).join(' ')} }`;
		const { status, body } = await post(handler, aliased(1, repeated));
		expect(status).toBe(400);
		expect(body.errors[0].message).toMatch(/^the response would exceed 16777216 bytes/);
	});

	it('cost multiplies fields by the page size asked for, or 20 when none is', async () => {
		const small = handlerWith({ maxCost: 100 });
		const page = (limit?: number) =>
			`{ bigItemList${limit === undefined ? '' : `(input: { limit: ${limit} })`} { items { id } } }`;
		expect((await post(small, page(10))).status).toBe(200); // 1 + 10 x 2 = 21
		expect((await post(small, page())).status).toBe(200); // 1 + 20 x 2 = 41
		const big = await post(small, page(60)); // 1 + 60 x 2 = 121
		expect(big.status).toBe(400);
		expect(big.body.errors[0].message).toMatch(/^the query costs 121 /);
	});

	it('the standard introspection query is served; a nested 50 KB one is refused', async () => {
		const standard = await post(handler, getIntrospectionQuery());
		expect(standard.body.errors).toBeUndefined();
		expect(standard.status).toBe(200);
		// Every type's fields, their arguments and types, 24 times over in fragments: within
		// graphql-js's own introspection depth rule, far past the cost of one standard query.
		const nested =
			'name description fields { name description args { name description type { name description } } type { name description enumValues { name description } inputFields { name description } interfaces { name } possibleTypes { name } } }';
		const fragments = Array.from(
			{ length: 24 },
			(_, i) => `fragment F${i} on __Type { ${nested} }`,
		).join('\n');
		const query = `{ __schema { types { ${Array.from({ length: 24 }, (_, i) => `...F${i}`).join(' ')} } } }\n${fragments}`;
		const attack = await post(handler, query);
		expect(attack.status).toBe(400);
		expect(attack.size).toBeLessThan(1000);
		expect(attack.body.errors[0].message).toMatch(
			/^the introspection query costs \d+; the limit is/,
		);
	});

	it('a request past its deadline is cancelled with DEADLINE_EXCEEDED (504)', async () => {
		const started = Date.now();
		const { status, body } = await post(
			handlerWith({ maxRequestMs: 100 }),
			'{ bigItemSlow { ok } }',
		);
		expect(Date.now() - started).toBeLessThan(1500);
		expect(status).toBe(504);
		expect(body.errors[0].extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', status: 504 });
	});
});
