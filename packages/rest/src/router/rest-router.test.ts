import { createExecutor, implement } from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineQuery } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { createRestRouter } from './rest-router.ts';

const ItemId = defineSchemaModel({
	name: 'ItemId',
	fields: { id: { type: ScalarTypeEnum.String(), isOptional: false } },
});
const Query = defineSchemaModel({
	name: 'ItemQuery',
	fields: { q: { type: ScalarTypeEnum.String(), isOptional: true } },
});
// Declared first: a parametric route that would also match /v1/items/search.
const GetItem = defineQuery({
	meta: { key: 'items.get', version: '1.0.0', description: 'One item.' },
	io: { input: ItemId, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/items/{id}' } },
});
const SearchItems = defineQuery({
	meta: { key: 'items.search', version: '1.0.0', description: 'Find items.' },
	io: { input: Query, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/items/search' } },
});

const executor = () =>
	createExecutor({
		bindings: [
			implement(GetItem, ({ id }) => `item ${id}`),
			implement(SearchItems, ({ q }) => `search ${q ?? ''}`),
		],
	});

describe('the REST router', () => {
	it('matches a literal path before a parametric one, whatever their order', async () => {
		const handler = createFetchHandler(executor());
		const get = async (path: string) =>
			(await handler(new Request(`http://api.test${path}`))).json();
		expect(await get('/v1/items/search?q=red')).toBe('search red');
		expect(await get('/v1/items/abc')).toBe('item abc');
	});

	it('rejects, rather than throws, when routing itself fails', async () => {
		const router = createRestRouter(executor());
		const broken = { method: undefined, url: '/v1/items/abc', headers: {} } as never;
		await expect(router.handle(broken)).rejects.toThrow(TypeError);
	});
});
