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

// A parameter sharing its segment with literal text (Twilio's `/Calls/{Sid}.json`).
const GetItemJson = defineQuery({
	meta: { key: 'items.get-json', version: '1.0.0', description: 'One item, as a .json file.' },
	io: { input: ItemId, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/items/{id}.json' } },
});
const Range = defineSchemaModel({
	name: 'ItemRange',
	fields: {
		from: { type: ScalarTypeEnum.String(), isOptional: false },
		to: { type: ScalarTypeEnum.String(), isOptional: false },
	},
});
const ItemsBetween = defineQuery({
	meta: { key: 'items.between', version: '1.0.0', description: 'Items in a range.' },
	io: { input: Range, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/ranges/{from}..{to}' } },
});

// Twilio's shape: under a parameter, `{Sid}.json` declared before the literal `Local.json`.
const Shop = defineSchemaModel({
	name: 'ShopFile',
	fields: {
		shop: { type: ScalarTypeEnum.String(), isOptional: false },
		name: { type: ScalarTypeEnum.String(), isOptional: true },
	},
});
const ShopFile = defineQuery({
	meta: { key: 'shops.file', version: '1.0.0', description: 'A file of a shop.' },
	io: { input: Shop, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/shops/{shop}/files/{name}.json' } },
});
const ShopLatest = defineQuery({
	meta: { key: 'shops.latest', version: '1.0.0', description: 'The latest file of a shop.' },
	io: { input: Shop, output: ScalarTypeEnum.String() },
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/v1/shops/{shop}/files/latest.json' } },
});

const executor = () =>
	createExecutor({
		bindings: [
			implement(GetItem, ({ id }) => `item ${id}`),
			implement(SearchItems, ({ q }) => `search ${q ?? ''}`),
			implement(GetItemJson, ({ id }) => `json ${id}`),
			implement(ItemsBetween, ({ from, to }) => `${from} to ${to}`),
			implement(ShopFile, ({ shop, name }) => `${shop}: ${name}`),
			implement(ShopLatest, ({ shop }) => `${shop}: latest`),
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

	it('matches parameters that share a segment with literal text, before whole-segment ones', async () => {
		const handler = createFetchHandler(executor());
		const get = async (path: string) =>
			(await handler(new Request(`http://api.test${path}`))).json();
		expect(await get('/v1/items/a%20b.json')).toBe('json a b');
		expect(await get('/v1/items/abc')).toBe('item abc');
		expect(await get('/v1/shops/s1/files/latest.json')).toBe('s1: latest');
		expect(await get('/v1/shops/s1/files/notes.json')).toBe('s1: notes');
		expect(await get('/v1/ranges/2020..2024')).toBe('2020 to 2024');
		expect((await handler(new Request('http://api.test/v1/ranges/2020-2024'))).status).toBe(404);
	});

	it('rejects, rather than throws, when routing itself fails', async () => {
		const router = createRestRouter(executor());
		const broken = { method: undefined, url: '/v1/items/abc', headers: {} } as never;
		await expect(router.handle(broken)).rejects.toThrow(TypeError);
	});
});
