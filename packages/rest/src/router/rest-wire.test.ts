import type { AddressInfo } from 'node:net';
import { createClient } from '@charter/client';
import { type CharterConfigError, createExecutor, implement } from '@charter/runtime';
import { defineSchemaModel, listOf, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterExpress } from '../adapters/express/express-adapter.ts';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { createRestServer, type RestServer } from '../node/node-server.ts';
import { toOpenApi } from '../openapi/openapi-export.ts';

// Operations that declare their REST wire (`transport.rest`): where fields travel, in which
// style, what the body is, and the success status. Called with a real HTTP client, as the
// clients of an API described in OpenAPI call it.
const Range = defineSchemaModel({
	name: 'Range',
	fields: {
		gte: { type: ScalarTypeEnum.Int(), isOptional: true },
		lte: { type: ScalarTypeEnum.Int(), isOptional: true },
	},
});
const SearchInput = defineSchemaModel({
	name: 'SearchInput',
	fields: {
		ids: { type: ScalarTypeEnum.Int(), isOptional: true, isArray: true },
		tags: { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
		words: { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
		created: { type: Range, isOptional: true },
		requestId: { type: ScalarTypeEnum.String(), isOptional: true },
		session: { type: ScalarTypeEnum.String(), isOptional: true },
		flags: { type: ScalarTypeEnum.Int(), isOptional: true, isArray: true },
	},
});
const Search = defineQuery({
	meta: { key: 'wire.search', version: '1.0.0', description: 'Echo what the wire carried.' },
	io: { input: SearchInput, output: ScalarTypeEnum.JSON() },
	policy: { auth: 'anonymous' },
	transport: {
		rest: {
			path: '/search',
			parameters: {
				ids: { in: 'query', style: 'form', explode: false },
				tags: { in: 'query', style: 'pipeDelimited' },
				words: { in: 'query', style: 'spaceDelimited' },
				created: { in: 'query', style: 'deepObject', explode: true },
				requestId: { in: 'header', name: 'X-Request-Id' },
				session: { in: 'cookie' },
				flags: { in: 'header', name: 'X-Flags' },
			},
		},
	},
});

const Tag = defineSchemaModel({
	name: 'Tag',
	fields: { name: { type: ScalarTypeEnum.String(), isOptional: false } },
});
const TagPetInput = defineSchemaModel({
	name: 'TagPetInput',
	fields: {
		petId: { type: ScalarTypeEnum.Int(), isOptional: false },
		dryRun: { type: ScalarTypeEnum.Boolean(), isOptional: true },
		body: { type: listOf(Tag), isOptional: false },
	},
});
const TagPet = defineCommand({
	meta: { key: 'wire.tag-pet', version: '1.0.0', description: 'Tag a pet.' },
	io: { input: TagPetInput, output: ScalarTypeEnum.JSON() },
	policy: { auth: 'anonymous' },
	transport: {
		rest: {
			method: 'PUT',
			path: '/pets/{petId}/tags',
			parameters: { dryRun: { in: 'query' } },
			bodyField: 'body',
			status: 201,
		},
	},
});

const Device = defineSchemaModel({
	name: 'Device',
	fields: {
		name: { type: ScalarTypeEnum.String(), isOptional: false },
		trusted: { type: ScalarTypeEnum.Boolean(), isOptional: true },
	},
});
const Login = defineCommand({
	meta: { key: 'wire.login', version: '1.0.0', description: 'Sign in with a form.' },
	io: {
		input: defineSchemaModel({
			name: 'LoginInput',
			fields: {
				user: { type: ScalarTypeEnum.String(), isOptional: false },
				remember: { type: ScalarTypeEnum.Boolean(), isOptional: true },
				scopes: { type: ScalarTypeEnum.String(), isOptional: true, isArray: true },
				device: { type: Device, isOptional: true },
			},
		}),
		output: ScalarTypeEnum.JSON(),
	},
	policy: { auth: 'anonymous' },
	transport: {
		rest: {
			path: '/login',
			bodyMediaTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
		},
	},
});

const Forget = defineCommand({
	meta: { key: 'wire.forget', version: '1.0.0', description: 'Forget a pet.' },
	io: {
		input: defineSchemaModel({
			name: 'ForgetInput',
			fields: { petId: { type: ScalarTypeEnum.Int(), isOptional: false } },
		}),
		output: ScalarTypeEnum.JSON(),
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { method: 'DELETE', path: '/pets/{petId}', status: 204 } },
});

const echo = (input: unknown) => input;
let rest: RestServer;
let url: string;
beforeAll(async () => {
	const executor = createExecutor({
		bindings: [
			implement(Search, echo),
			implement(TagPet, echo),
			implement(Login, echo),
			implement(Forget, () => ({ ignored: true })),
		],
	});
	rest = createRestServer(executor);
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

const json = async (response: Response) => ({
	status: response.status,
	body: await response.json(),
});

describe('parameters in the query, headers and cookies, in OpenAPI styles', () => {
	it('reads form without explode, pipe- and space-delimited lists, deepObject, headers and cookies', async () => {
		const response = await fetch(
			`${url}/search?ids=3,4,5&tags=a|b&words=big%20red&created[gte]=10&created[lte]=20`,
			{
				headers: {
					'X-Request-Id': 'req-1',
					cookie: 'theme=dark; session=s%201',
					'X-Flags': '1, 2',
				},
			},
		);
		expect(await json(response)).toEqual({
			status: 200,
			body: {
				ids: [3, 4, 5],
				tags: ['a', 'b'],
				words: ['big', 'red'],
				created: { gte: 10, lte: 20 },
				requestId: 'req-1',
				session: 's 1',
				flags: [1, 2],
			},
		});
	});

	it('leaves absent parameters absent, and a value of the wrong type is a 422 naming the field', async () => {
		expect(await json(await fetch(`${url}/search`))).toEqual({ status: 200, body: {} });
		const bad = await json(await fetch(`${url}/search?created[gte]=soon`));
		expect(bad.status).toBe(422);
		expect(bad.body.issues[0].path).toBe('/created/gte');
	});
});

describe('a page on another origin', () => {
	it('may send the declared header parameters: a CORS preflight allows them', async () => {
		const handler = createFetchHandler(createExecutor({ bindings: [implement(Search, echo)] }), {
			cors: { origins: ['https://app.example'] },
		});
		const preflight = await handler(
			new Request('http://api.example.com/search', {
				method: 'OPTIONS',
				headers: {
					origin: 'https://app.example',
					'access-control-request-method': 'GET',
					'access-control-request-headers': 'x-request-id, x-flags',
				},
			}),
		);
		expect(preflight.status).toBe(204);
		const allowed = preflight.headers.get('access-control-allow-headers')?.split(/,\s*/);
		expect(allowed).toEqual(expect.arrayContaining(['x-request-id', 'x-flags', 'idempotency-key']));
	});
});

describe('CORS options', () => {
	it('refuses any origin with credentials: every site could read a signed-in user’s answers', () => {
		const executor = createExecutor({ bindings: [implement(Search, echo)] });
		expect(() =>
			createFetchHandler(executor, { cors: { origins: '*', credentials: true } }),
		).toThrow(expect.objectContaining({ code: 'CHARTER_INVALID_OPTION', where: 'cors' }));
		// Named origins with credentials, or any origin without them, stay allowed.
		createFetchHandler(executor, { cors: { origins: ['https://app.example'], credentials: true } });
		createFetchHandler(executor, { cors: { origins: '*' } });
	});
});

describe('bodies', () => {
	it('takes a top-level array body beside path and query parameters, and answers the declared 201', async () => {
		const response = await fetch(`${url}/pets/7/tags?dryRun=true`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify([{ name: 'calm' }, { name: 'old' }]),
		});
		expect(await json(response)).toEqual({
			status: 201,
			body: { petId: 7, dryRun: true, body: [{ name: 'calm' }, { name: 'old' }] },
		});
		const wrapped = await fetch(`${url}/pets/7/tags`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ body: [] }),
		});
		expect(wrapped.status).toBe(422);
	});

	it('reads URL-encoded and multipart form bodies, coerced by the input types', async () => {
		const encoded = await fetch(`${url}/login`, {
			method: 'POST',
			body: new URLSearchParams([
				['user', 'ada'],
				['remember', 'true'],
				['scopes', 'read'],
				['scopes', 'write'],
			]),
		});
		expect(await json(encoded)).toEqual({
			status: 200,
			body: { user: 'ada', remember: true, scopes: ['read', 'write'] },
		});
		// Bracketed names nest, as form bodies with deepObject encoding are sent.
		const nested = await fetch(`${url}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'user=ada&device[name]=phone&device[trusted]=false&scopes[]=read&scopes[]=admin',
		});
		expect(await json(nested)).toEqual({
			status: 200,
			body: { user: 'ada', device: { name: 'phone', trusted: false }, scopes: ['read', 'admin'] },
		});
		const form = new FormData();
		form.append('user', 'bob');
		form.append('scopes', 'read');
		expect(await json(await fetch(`${url}/login`, { method: 'POST', body: form }))).toEqual({
			status: 200,
			body: { user: 'bob', scopes: ['read'] },
		});
	});

	it('refuses a body in a media type not declared (415); drops prototype keys of a form', async () => {
		const response = await fetch(`${url}/pets/7/tags`, {
			method: 'PUT',
			body: new URLSearchParams({ name: 'x' }),
		});
		expect(response.status).toBe(415);
		// A prototype key in a form is dropped, never set as a prototype.
		const unsafe = await fetch(`${url}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'user=ada&__proto__[polluted]=yes&device[__proto__][x]=1&device[name]=pc',
		});
		expect(await json(unsafe)).toEqual({
			status: 200,
			body: { user: 'ada', device: { name: 'pc' } },
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const asJson = await fetch(`${url}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ user: 'ada' }),
		});
		expect(asJson.status).toBe(415);
	});

	it('answers a declared 204 with no body and no content type', async () => {
		const response = await fetch(`${url}/pets/7`, { method: 'DELETE' });
		expect(response.status).toBe(204);
		expect(response.headers.get('content-type')).toBeNull();
		expect(await response.text()).toBe('');
	});
});

describe('a form an Express app already parsed', () => {
	it('is coerced by the input types like one Charter reads itself', async () => {
		const app = express();
		app.use(express.urlencoded({ extended: true }));
		app.use(charterExpress(createExecutor({ bindings: [implement(Login, echo)] })));
		const server = app.listen(0, '127.0.0.1');
		await new Promise((r) => server.once('listening', r));
		const { port } = server.address() as AddressInfo;
		try {
			const response = await fetch(`http://127.0.0.1:${port}/login`, {
				method: 'POST',
				body: new URLSearchParams({ user: 'ada', remember: 'true', 'device[name]': 'pc' }),
			});
			expect(await json(response)).toEqual({
				status: 200,
				body: { user: 'ada', remember: true, device: { name: 'pc' } },
			});
		} finally {
			await new Promise((r) => server.close(r));
		}
	});
});

describe('the typed client', () => {
	it('sends each declared parameter in its place and style, the body field, forms, and reads a 204', async () => {
		const client = createClient([Search, TagPet, Login, Forget], { baseUrl: url });
		expect(
			await client.call(Search, {
				ids: [1, 2],
				tags: ['a', 'b'],
				words: ['x', 'y'],
				created: { gte: 1 },
				requestId: 'r',
				session: 's 1',
				flags: [3],
			}),
		).toEqual({
			ids: [1, 2],
			tags: ['a', 'b'],
			words: ['x', 'y'],
			created: { gte: 1 },
			requestId: 'r',
			session: 's 1',
			flags: [3],
		});
		expect(
			await client.call(TagPet, { petId: 3, dryRun: false, body: [{ name: 'calm' }] }),
		).toEqual({ petId: 3, dryRun: false, body: [{ name: 'calm' }] });
		expect(
			await client.call(Login, { user: 'ada', scopes: ['a'], device: { name: 'pc' } }),
		).toEqual({ user: 'ada', scopes: ['a'], device: { name: 'pc' } });
		expect(await client.call(Forget, { petId: 3 })).toBeUndefined();
	});
});

describe('the declared wire at startup and in OpenAPI', () => {
	it('refuses a parameter or body field the input does not have', () => {
		const Broken = defineCommand({
			...TagPet,
			meta: { key: 'wire.broken', version: '1.0.0', description: 'Broken.' },
			transport: { rest: { parameters: { nope: { in: 'header' } } } },
		});
		expect(() => createExecutor({ bindings: [implement(Broken, echo)] })).toThrow(
			expect.objectContaining({ code: 'CHARTER_INVALID_REST_WIRE' }) as CharterConfigError,
		);
	});

	it('exports each parameter with its location, wire name and style, the body and the status', () => {
		const doc = toOpenApi(
			createExecutor({
				bindings: [implement(Search, echo), implement(TagPet, echo), implement(Login, echo)],
			}),
		);
		const search = doc.paths['/search']!.get as { parameters: Record<string, unknown>[] };
		const byName = Object.fromEntries(search.parameters.map((p) => [p.name, p]));
		expect(byName.ids).toMatchObject({ in: 'query', style: 'form', explode: false });
		expect(byName.created).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
		expect(byName['X-Request-Id']).toMatchObject({ in: 'header', required: false });
		expect(byName.session).toMatchObject({ in: 'cookie' });
		expect(byName.requestId).toBeUndefined();
		const tag = doc.paths['/pets/{petId}/tags']!.put as Record<string, any>;
		expect(tag.parameters.map((p: { name: string }) => p.name)).toContain('dryRun');
		expect(tag.requestBody.content['application/json'].schema).toMatchObject({ type: 'array' });
		expect(Object.keys(tag.responses)).toContain('201');
		expect(Object.keys(tag.responses)).not.toContain('200');
		const login = doc.paths['/login']!.post as Record<string, any>;
		expect(Object.keys(login.requestBody.content).sort()).toEqual([
			'application/x-www-form-urlencoded',
			'multipart/form-data',
		]);
	});
});
