import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { defineCommand, defineQuery } from '../operations/define-operation.ts';
import type { TransportOverrides } from '../operations/operation-types.ts';
import { findWireCollisions, restRouteShape } from './wire-collisions.ts';

const Model = defineSchemaModel({
	name: 'M',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const command = (key: string, version = '1.0.0', transport?: TransportOverrides) => ({
	spec: defineCommand({
		meta: { key, version },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
		...(transport ? { transport } : {}),
	}),
});

describe('restRouteShape', () => {
	it('routes paths that differ only in parameter names or trailing slashes the same way', () => {
		expect(restRouteShape('get', '/v1/todos/{id}')).toBe('GET /v1/todos/{}');
		expect(restRouteShape('GET', '/v1/todos/{key}/')).toBe('GET /v1/todos/{}');
		expect(restRouteShape('POST', '/v1/a//')).toBe(restRouteShape('POST', '/v1/a'));
		expect(restRouteShape('POST', '/')).toBe('POST /');
	});
});

describe('findWireCollisions', () => {
	it('finds a REST route that differs from another only by a trailing slash', () => {
		const a = command('shop.item.add');
		const b = command('shop.thing.add', '1.0.0', { rest: { path: '/v1/shop/item/add/' } });
		const collisions = findWireCollisions([a, b]);
		expect(collisions.map((c) => [c.surface, c.name, c.field])).toEqual([
			['REST route', 'POST /v1/shop/item/add', 'transport.rest'],
		]);
		expect(collisions[0]).toMatchObject({ first: a, second: b });
		expect(collisions[0]!.message).toBe(
			'REST route POST /v1/shop/item/add is claimed by shop.item.add@1.0.0 and shop.thing.add@1.0.0',
		);
	});

	it('finds GraphQL fields and MCP tools claimed twice, on the surfaces asked for', () => {
		const a = command('shop.item.add');
		const b = command('shop.thing.add', '1.0.0', {
			graphql: { field: 'shopItemAdd' },
			mcp: { tool: 'shop_item_add' },
		});
		expect(findWireCollisions([a, b]).map((c) => c.surface)).toEqual(['GraphQL field', 'MCP tool']);
		expect(findWireCollisions([a, b], ['MCP tool']).map((c) => c.surface)).toEqual(['MCP tool']);
	});

	it('claims a GraphQL field name across Query and Mutation (it is the operationId too)', () => {
		const mutation = command('shop.item.add');
		const query = {
			spec: defineQuery({
				meta: { key: 'shop.item.get', version: '1.0.0' },
				io: { input: Model, output: Model },
				policy: { auth: 'user' },
				transport: { graphql: { field: 'shopItemAdd' } },
			}),
		};
		expect(findWireCollisions([mutation, query]).map((c) => c.name)).toEqual(['shopItemAdd']);
	});

	it('lets versions of one key within a major share their names, not across majors', () => {
		expect(findWireCollisions([command('a.b'), command('a.b', '1.1.0')])).toEqual([]);
		expect(findWireCollisions([command('a.b'), command('a.b', '2.0.0')])).toEqual([]);
	});
});
