import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { createRegistry, defineCommand, defineQuery, wireNames } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveThreeSurfaces, type ThreeSurfaces } from '../../../test-support/three-surfaces.ts';

/*
 * An input whose fields are all optional may be left out on every surface: no REST body, no
 * GraphQL `input` argument, no MCP arguments. The handler then sees `{}` (with defaults).
 */

const meta = { version: '1.0.0', owners: ['@t'], description: 'x.' } as const;
const Echo = defineSchemaModel({ name: 'Echo', fields: { seen: f.jsonObject() } });
const Filters = defineSchemaModel({
	name: 'SearchInput',
	fields: { text: f.string().optional(), limit: f.int().withDefault(10) },
});
const Search = defineQuery({
	meta: { ...meta, key: 'catalog.item.search' },
	io: { input: Filters, output: Echo },
	policy: { auth: 'anonymous' },
});
const Flush = defineCommand({
	meta: { ...meta, key: 'catalog.cache.flush' },
	io: {
		input: defineSchemaModel({ name: 'FlushInput', fields: { scope: f.string().optional() } }),
		output: Echo,
	},
	policy: { auth: 'anonymous' },
});

function executor() {
	return createExecutor({
		contracts: createRegistry([Search, Flush]),
		logger: silentLogger,
		bindings: [
			implement(Search, async (input) => ({ seen: { ...input } })),
			implement(Flush, async (input) => ({ seen: { ...input } })),
		],
	});
}

let surfaces: ThreeSurfaces;
beforeAll(async () => {
	surfaces = await serveThreeSurfaces(executor);
});
afterAll(() => surfaces.close());

describe('an input with no required fields may be left out', () => {
	it('on REST: a query with no parameters and a command with no body', async () => {
		const query = await surfaces.rest(Search);
		expect(await query.json()).toEqual({ seen: { limit: 10 } });
		const { method, path } = wireNames(Flush).rest;
		const command = await surfaces.restFetch(new Request(`http://localhost${path}`, { method }));
		expect(command.status).toBe(200);
		expect(await command.json()).toEqual({ seen: {} });
	});

	it('on GraphQL: no input argument, and the argument is nullable in the schema', async () => {
		const query = wireNames(Search).graphql.field;
		const mutation = wireNames(Flush).graphql.field;
		const argument = surfaces.graphqlHandler.schema.getQueryType()!.getFields()[query]!.args[0]!;
		expect(argument.type.toString()).toBe('SearchInput');
		const call = async (document: string) => (await surfaces.graphql(document)).body;
		expect(await call(`{ ${query} { seen } }`)).toEqual({
			data: { [query]: { seen: { limit: 10 } } },
		});
		expect(await call(`mutation { ${mutation} { seen } }`)).toEqual({
			data: { [mutation]: { seen: {} } },
		});
	});

	it('on MCP: a tool call with no arguments', async () => {
		for (const [spec, seen] of [
			[Search, { limit: 10 }],
			[Flush, {}],
		] as const) {
			const result = await surfaces.mcp(spec);
			expect(result.isError ?? false).toBe(false);
			expect(result.structuredContent).toEqual({ seen });
		}
	});
});
