import { createClient } from '@charter/client';
import { type CharterConfigError, createExecutor, implement } from '@charter/runtime';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestServer, type RestServer } from '../node/node-server.ts';
import { toOpenApi } from '../openapi/openapi-export.ts';

// Parameters that travel as JSON documents (OpenAPI's parameter `content`) and path parameters
// in the `label` and `matrix` styles, called with real HTTP requests and the typed client.
const Filter = defineSchemaModel({
	name: 'Filter',
	fields: {
		status: { type: ScalarTypeEnum.String(), isOptional: true },
		min: { type: ScalarTypeEnum.Int(), isOptional: true },
	},
});
const Find = defineCommand({
	meta: { key: 'styles.find', version: '1.0.0', description: 'Echo the JSON parameters.' },
	io: {
		input: defineSchemaModel({
			name: 'FindInput',
			fields: {
				filter: { type: Filter, isOptional: true },
				ids: { type: ScalarTypeEnum.Int(), isOptional: true, isArray: true },
				context: { type: Filter, isOptional: true },
				note: { type: ScalarTypeEnum.String(), isOptional: true },
			},
		}),
		output: ScalarTypeEnum.JSON(),
	},
	policy: { auth: 'anonymous' },
	transport: {
		rest: {
			method: 'POST',
			path: '/find',
			parameters: {
				filter: { in: 'query', content: 'application/json' },
				ids: { in: 'query', content: 'application/json' },
				context: { in: 'header', name: 'X-Context', content: 'application/json' },
			},
		},
	},
});

const Point = defineSchemaModel({
	name: 'Point',
	fields: {
		x: { type: ScalarTypeEnum.Int(), isOptional: false },
		y: { type: ScalarTypeEnum.Int(), isOptional: false },
	},
});
const styledInput = defineSchemaModel({
	name: 'StyledInput',
	fields: {
		id: { type: ScalarTypeEnum.Int(), isOptional: false },
		ids: { type: ScalarTypeEnum.Int(), isOptional: false, isArray: true },
		point: { type: Point, isOptional: false },
	},
});
/** One query per style: `{id}`, `{ids}` and `{point}` in the path. */
const styled = (key: string, style: 'label' | 'matrix', explode: boolean) =>
	defineQuery({
		meta: { key: `styles.${key}`, version: '1.0.0', description: `${style} parameters.` },
		io: { input: styledInput, output: ScalarTypeEnum.JSON() },
		policy: { auth: 'anonymous' },
		transport: {
			rest: {
				path: `/${key}/{id}/{ids}/{point}`,
				parameters: {
					id: { in: 'path', style, explode },
					ids: { in: 'path', style, explode },
					point: { in: 'path', style, explode },
				},
			},
		},
	});
const Label = styled('label', 'label', false);
const LabelExploded = styled('label-exploded', 'label', true);
const Matrix = styled('matrix', 'matrix', false);
const MatrixExploded = styled('matrix-exploded', 'matrix', true);
const SimpleList = defineQuery({
	meta: { key: 'styles.simple', version: '1.0.0', description: 'A simple list in the path.' },
	io: {
		input: defineSchemaModel({
			name: 'SimpleInput',
			fields: { ids: { type: ScalarTypeEnum.Int(), isOptional: false, isArray: true } },
		}),
		output: ScalarTypeEnum.JSON(),
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/simple/{ids}', parameters: { ids: { in: 'path' } } } },
});
const Rename = defineCommand({
	meta: { key: 'styles.rename', version: '1.0.0', description: 'A string body beside a path.' },
	io: {
		input: defineSchemaModel({
			name: 'RenameInput',
			fields: {
				id: { type: ScalarTypeEnum.Int(), isOptional: false },
				name: { type: ScalarTypeEnum.String({ maxLength: 10 }), isOptional: false },
			},
		}),
		output: ScalarTypeEnum.JSON(),
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { method: 'PUT', path: '/names/{id}', bodyField: 'name' } },
});
const ALL = [Find, Label, LabelExploded, Matrix, MatrixExploded, SimpleList, Rename];

let rest: RestServer;
let url: string;
beforeAll(async () => {
	const echo = (input: unknown) => input;
	rest = createRestServer(createExecutor({ bindings: ALL.map((c) => implement(c, echo)) }));
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

const answer = async (response: Promise<Response>) => {
	const r = await response;
	return { status: r.status, body: await r.json() };
};
const EXPECTED = { id: 5, ids: [3, 4], point: { x: 1, y: 2 } };

describe('parameters as JSON documents (content)', () => {
	it('reads a JSON query parameter beside a body and a JSON header, typed by the input', async () => {
		const filter = encodeURIComponent('{"status":"open","min":2}');
		const response = fetch(`${url}/find?filter=${filter}&ids=${encodeURIComponent('[1,2]')}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-context': '{"status":"x"}' },
			body: JSON.stringify({ note: 'hi' }),
		});
		expect(await answer(response)).toEqual({
			status: 200,
			body: {
				filter: { status: 'open', min: 2 },
				ids: [1, 2],
				context: { status: 'x' },
				note: 'hi',
			},
		});
	});

	it('a value that is not JSON, or JSON of the wrong type, is a 422 naming the parameter', async () => {
		const post = (query: string) =>
			answer(
				fetch(`${url}/find?${query}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				}),
			);
		const notJson = await post('filter=status%3Dopen');
		expect(notJson.status).toBe(422);
		expect(notJson.body.issues[0].path).toBe('/filter');
		const wrongType = await post(`filter=${encodeURIComponent('{"min":"many"}')}`);
		expect(wrongType.status).toBe(422);
		expect(wrongType.body.issues[0].path).toBe('/filter/min');
	});
});

describe('path parameters in the label and matrix styles', () => {
	it.each([
		['label', '.5/.3,4/.x,1,y,2'],
		['label-exploded', '.5/.3.4/.x=1.y=2'],
		['matrix', ';id=5/;ids=3,4/;point=x,1,y,2'],
		['matrix-exploded', ';id=5/;ids=3;ids=4/;x=1;y=2'],
	])('%s: /%s', async (key, segments) => {
		expect(await answer(fetch(`${url}/${key}/${segments}`))).toEqual({
			status: 200,
			body: EXPECTED,
		});
	});

	it('a simple path list is split on commas; a segment not in its style is a 422', async () => {
		expect(await answer(fetch(`${url}/simple/3,4`))).toEqual({
			status: 200,
			body: { ids: [3, 4] },
		});
		const unstyled = await answer(fetch(`${url}/label/.5/3,4/.x,1,y,2`));
		expect(unstyled.status).toBe(422);
		expect(unstyled.body.issues[0].path).toMatch(/^\/ids/);
	});

	it('the typed client sends each style as the server reads it', async () => {
		const client = createClient(ALL, { baseUrl: url });
		for (const contract of [Label, LabelExploded, Matrix, MatrixExploded]) {
			expect(await client.call(contract, EXPECTED)).toEqual(EXPECTED);
		}
		expect(await client.call(SimpleList, { ids: [7, 8] })).toEqual({ ids: [7, 8] });
		expect(
			await client.call(Find, {
				filter: { status: 'open' },
				ids: [1],
				context: { min: 1 },
				note: 'n',
			}),
		).toEqual({ filter: { status: 'open' }, ids: [1], context: { min: 1 }, note: 'n' });
	});
});

describe('a scalar body', () => {
	it('fills its body field beside a path parameter, validated by the field type', async () => {
		const put = (body: string) =>
			answer(
				fetch(`${url}/names/7`, {
					method: 'PUT',
					headers: { 'content-type': 'application/json' },
					body,
				}),
			);
		expect(await put('"Ada"')).toEqual({ status: 200, body: { id: 7, name: 'Ada' } });
		const tooLong = await put('"Ada Lovelace of London"');
		expect(tooLong.status).toBe(422);
		expect(tooLong.body.issues[0].path).toBe('/name');
	});
});

describe('the wire in OpenAPI and at startup', () => {
	it('exports content parameters as content and path styles with explode', () => {
		const doc = toOpenApi(
			createExecutor({ bindings: ALL.map((c) => implement(c, (input: unknown) => input)) }),
		) as unknown as {
			paths: Record<string, Record<string, { parameters: Record<string, unknown>[] }>>;
		};
		const find = doc.paths['/find']!.post!.parameters;
		expect(find).toContainEqual(
			expect.objectContaining({
				name: 'filter',
				in: 'query',
				content: { 'application/json': { schema: expect.any(Object) } },
			}),
		);
		expect(find).toContainEqual(
			expect.objectContaining({ name: 'X-Context', in: 'header', content: expect.any(Object) }),
		);
		expect(find.find((p) => p.name === 'filter')).not.toHaveProperty('style');
		const matrix = doc.paths['/matrix-exploded/{id}/{ids}/{point}']!.get!.parameters;
		expect(matrix).toContainEqual(
			expect.objectContaining({
				name: 'ids',
				in: 'path',
				required: true,
				style: 'matrix',
				explode: true,
			}),
		);
	});

	it('refuses a path style on a parameter the path does not have, and a path parameter declared in the query', () => {
		const listQuery = (key: string, rest: NonNullable<typeof SimpleList.transport>['rest']) =>
			defineQuery({
				meta: { key: `styles.${key}`, version: '1.0.0', description: 'Misdeclared.' },
				io: SimpleList.io,
				policy: { auth: 'anonymous' },
				transport: { rest },
			});
		const misplaced = listQuery('misplaced', {
			path: '/misplaced',
			parameters: { ids: { in: 'path', style: 'label' } },
		});
		expect(() => createExecutor({ bindings: [implement(misplaced, () => null)] })).toThrow(
			expect.objectContaining({ code: 'CHARTER_INVALID_REST_WIRE' }) as CharterConfigError,
		);
		const queried = listQuery('queried', {
			path: '/queried/{ids}',
			parameters: { ids: { in: 'query' } },
		});
		expect(() => createExecutor({ bindings: [implement(queried, () => null)] })).toThrow(
			/declare it in: 'path'/,
		);
	});
});
