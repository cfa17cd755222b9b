import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, createSnapshot, defineQuery } from '@charter/spec';
import { graphql, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphqlSchema } from '../schema/graphql-schema.ts';

// Field names a JSON API may have that GraphQL cannot spell (seen in public descriptions).
const text = { type: ScalarTypeEnum.String(), isOptional: true } as const;
const Filters = defineSchemaModel({
	name: 'Filters',
	fields: {
		'include[]': { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
		include: text,
		'created[gte]': { type: ScalarTypeEnum.Int(), isOptional: true },
		StartTime: text,
		'StartTime<': text,
		'StartTime>': text,
		'teams.any': text,
		$parent: text,
		'2fa': text,
		__typename: text,
	},
});
const Search = defineQuery({
	meta: { key: 'items.search', version: '1.0.0' },
	io: { input: Filters, output: Filters },
	policy: { auth: 'anonymous' },
});

describe('JSON field names GraphQL cannot spell', () => {
	it('are mapped by the documented rule, collision-free, and the snapshot records the mapping', () => {
		const sdl = printSchema(createGraphqlSchema(createRegistry([Search])));
		expect(sdl).toContain(
			[
				'type Filters {',
				'  include_2: [String!]',
				'  include: String',
				'  createdGte: Int',
				'  StartTime: String',
				'  StartTime_2: String',
				'  StartTime_3: String',
				'  teamsAny: String',
				'  parent: String',
				'  _2fa: String',
				'  _typename: String',
				'}',
			].join('\n'),
		);
		const [contract] = createSnapshot(createRegistry([Search]), { schemas: false }).contracts;
		expect(contract?.graphqlFields).toEqual({
			Filters: {
				'include[]': 'include_2',
				'created[gte]': 'createdGte',
				'StartTime<': 'StartTime_2',
				'StartTime>': 'StartTime_3',
				'teams.any': 'teamsAny',
				$parent: 'parent',
				'2fa': '_2fa',
				__typename: '_typename',
			},
		});
	});

	it('reach the handler under their JSON names and come back under their GraphQL names', async () => {
		let received: unknown;
		const executor = createExecutor({
			bindings: [
				implement(Search, async (input) => {
					received = input;
					return input;
				}),
			],
			logger: silentLogger,
		});
		const schema = createGraphqlSchema(executor.registry, { executor });
		const result = await graphql({
			schema,
			source:
				'{ itemsSearch(input: { include_2: ["a"], createdGte: 5, StartTime_2: "x", parent: "p", _2fa: "on" }) { include_2 createdGte StartTime_2 parent _2fa } }',
			contextValue: { metadata: { headers: {} } },
		});
		expect(result.errors).toBeUndefined();
		expect(received).toEqual({
			'include[]': ['a'],
			'created[gte]': 5,
			'StartTime<': 'x',
			$parent: 'p',
			'2fa': 'on',
		});
		expect(result.data).toEqual({
			itemsSearch: { include_2: ['a'], createdGte: 5, StartTime_2: 'x', parent: 'p', _2fa: 'on' },
		});
	});
});
