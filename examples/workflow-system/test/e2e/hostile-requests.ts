/**
 * Hostile requests, per surface, for the attack suite: each says what a correct answer is.
 * Deterministic (a seeded generator), so a failure names a request that can be sent again.
 */

/** One hostile request and the answers that are correct for it. */
export interface HostileRequest {
	readonly name: string;
	readonly method: string;
	readonly path: string;
	readonly headers: Record<string, string>;
	readonly body?: string | Buffer;
	/** True when the status (and body) is a correct refusal of this request. */
	readonly accept: (status: number, body: string) => boolean;
}

const TOKENS = ['employee-token', 'manager-token', 'admin-token', 'outsider-token'];
const BAD_TOKENS = [
	'nope',
	'Bearer',
	'a'.repeat(4096),
	'employee-token x',
	'Basic YWRtaW46YWRtaW4=',
	'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
	'../../etc/passwd',
];

/** A small seeded generator (mulberry32): the same suite every run. */
export function seeded(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
	};
}
type Random = ReturnType<typeof seeded>;

const is4xx = (status: number) => status >= 400 && status < 500;
/** A refusal: a 4xx, or 503 for a dependency that is down. */
const refused = (status: number) => is4xx(status) || status === 503;
/** GraphQL over HTTP answers some refusals 200 with errors; none may be INTERNAL. */
const graphqlRefused = (status: number, body: string) =>
	refused(status) || (status === 200 && body.includes('"errors"') && !body.includes('INTERNAL'));
/** MCP answers a refused call 200 with a JSON-RPC error or an isError result. */
const mcpRefused = (status: number, body: string) =>
	refused(status) ||
	(status === 200 && (body.includes('"error"') || body.includes('"isError":true')));

const nested = (depth: number, open: string, close: string, inner = '1') =>
	open.repeat(depth) + inner + close.repeat(depth);
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const someAuth = (r: Random) =>
	r.int(3) === 0 ? {} : bearer(r.int(2) === 0 ? r.pick(TOKENS) : r.pick(BAD_TOKENS));

/** Big bodies are few: each costs a megabyte on the wire. */
const BIG = Buffer.alloc(1024 * 1024 + 512, 'a');

const REST_PATHS = [
	'/v1/workflow/definition/create',
	'/v1/workflow/instance/transition',
	'/v1/workflow/approval/decide',
	'/v1/workflow/timer/sweep',
];
const PATH_TRICKS = [
	'//',
	'/\\',
	'//[',
	'//:99999',
	'/v1/../../etc/passwd',
	'/v1/%2e%2e/%2e%2e/etc/passwd',
	'/v1/workflow/instance/get?instanceId=a%00b',
	'/v1/workflow/instance/get?instanceId=%ff%fe',
	'/v1/workflow/definition/get?definitionId=' + 'x'.repeat(8000),
	'/v1/workflow/definition/list?limit=-1&limit=99999999999999999999',
	'/v1/workflow/definition/list?__proto__[admin]=1&constructor[prototype][x]=1',
	'/v1/%00',
	'/v1/workflow/definition/get?definitionId=%E0%A4%A',
	'/studio/../v1/workflow/definition/list',
	'/docs/../../package.json',
	'/docs/%2e%2e/%2e%2e/package.json',
];

/** REST: bodies, JSON, nesting, headers, tokens and paths. */
export function restRequest(r: Random, i: number): HostileRequest {
	const path = r.pick(REST_PATHS);
	const auth = someAuth(r);
	switch (i % 10) {
		case 0:
			return i % 200 === 0
				? {
						name: 'oversized body',
						method: 'POST',
						path,
						headers: { ...json, ...auth },
						body: BIG,
						accept: refused,
					}
				: {
						name: 'malformed JSON',
						method: 'POST',
						path,
						headers: { ...json, ...auth },
						body: '{"a":',
						accept: refused,
					};
		case 1:
			return {
				name: 'deep nesting',
				method: 'POST',
				path,
				headers: { ...json, ...auth },
				body: nested(2000 + r.int(3000), '{"a":', '}'),
				accept: refused,
			};
		case 2:
			return {
				name: 'deep array',
				method: 'POST',
				path,
				headers: { ...json, ...auth },
				body: nested(5000, '[', ']'),
				accept: refused,
			};
		case 3:
			return {
				name: 'path trick',
				method: r.pick(['GET', 'POST', 'DELETE']),
				path: r.pick(PATH_TRICKS),
				headers: auth,
				accept: refused,
			};
		case 4:
			return {
				name: 'bad token',
				method: 'POST',
				path,
				headers: { ...json, ...bearer(r.pick(BAD_TOKENS)) },
				body: '{}',
				accept: refused,
			};
		case 5:
			return {
				name: 'prototype keys',
				method: 'POST',
				path,
				headers: { ...json, ...auth },
				body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
				accept: refused,
			};
		case 6:
			return {
				name: 'wrong content type',
				method: 'POST',
				path,
				headers: {
					'content-type': r.pick([
						'text/plain',
						'application/xml',
						'multipart/form-data; boundary=x',
						'application/json; charset=utf-7',
					]),
					...auth,
				},
				body: '<a/>',
				accept: refused,
			};
		case 7:
			return {
				name: 'huge header',
				method: 'GET',
				path: '/v1/workflow/definition/list',
				headers: { ...auth, 'x-pad': 'p'.repeat(20_000) },
				accept: refused,
			};
		case 8:
			return {
				name: 'hostile strings',
				method: 'POST',
				path: '/v1/workflow/definition/create',
				headers: { ...json, ...bearer('admin-token') },
				body: JSON.stringify({
					key: `k\u0000${i}`,
					name: '\ud800',
					steps: 'x'.repeat(r.int(3) * 1000),
				}),
				accept: refused,
			};
		default:
			return {
				name: 'odd method',
				method: r.pick(['PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND']),
				path,
				headers: auth,
				accept: refused,
			};
	}
}

const aliases = (n: number, field: string) =>
	`{ ${Array.from({ length: n }, (_, k) => `a${k}: ${field}`).join(' ')} }`;

/** GraphQL: documents, variables, aliases, cost, introspection, batches, reservations. */
export function graphqlRequest(r: Random, i: number): HostileRequest {
	const auth = someAuth(r);
	const post = (name: string, body: string, headers: Record<string, string> = {}) => ({
		name,
		method: 'POST',
		path: '/graphql',
		headers: { ...json, ...auth, ...headers },
		body,
		accept: graphqlRefused,
	});
	const query = (q: string) => JSON.stringify({ query: q });
	switch (i % 10) {
		case 0:
			return i % 200 === 0
				? post('oversized body', BIG.toString())
				: post('malformed JSON', '{"query":');
		case 1:
			return post(
				'deep selection',
				query(`{ workflowDefinitionList { ${nested(200, 'items { ', ' }', 'id')} } }`),
			);
		case 2:
			return post(
				'alias bomb',
				query(
					aliases(
						11 + r.int(40),
						'workflowDefinitionList(input: { limit: 100 }) { items { id key name } }',
					),
				),
			);
		case 3:
			return post(
				'cost bomb',
				query(
					`{ workflowDefinitionList(input: { limit: 100000 }) { items { id ${'key name '.repeat(50)} } } }`,
				),
			);
		case 4:
			return post(
				'introspection flood',
				query(
					`{ ${Array.from({ length: 5 }, (_, k) => `s${k}: __schema { types { name fields { name type { name ofType { name ofType { name } } } } } }`).join(' ')} }`,
				),
				{},
			);
		case 5:
			return post(
				'batch',
				JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' }))),
			);
		case 6:
			return post(
				'bad variables',
				JSON.stringify({
					query:
						'query($i: ListDefinitionsInput) { workflowDefinitionList(input: $i) { items { id } } }',
					variables: { i: { limit: 'many', __proto__: { x: 1 } } },
				}),
			);
		case 7:
			return {
				name: 'stream reservation without a valid token',
				method: 'PUT',
				path: '/graphql',
				headers: r.int(2) ? {} : bearer(r.pick(BAD_TOKENS)),
				accept: graphqlRefused,
			};
		case 8:
			return post('huge document', query(`{ ${'__typename '.repeat(40_000)} }`));
		default:
			return {
				name: 'mutation over GET',
				method: 'GET',
				path: `/graphql?query=${encodeURIComponent('mutation { workflowDefinitionCreate(input: {}) { id } }')}`,
				headers: { accept: 'application/json', ...auth },
				accept: graphqlRefused,
			};
	}
}

/** MCP: JSON-RPC framing, batches, unknown methods and tools, bad arguments, tokens. */
export function mcpRequest(r: Random, i: number): HostileRequest {
	const auth = someAuth(r);
	const headers = { ...json, accept: 'application/json, text/event-stream', ...auth };
	const rpc = (name: string, body: string, extra: Record<string, string> = {}) => ({
		name,
		method: 'POST',
		path: '/mcp',
		headers: { ...headers, ...extra },
		body,
		accept: mcpRefused,
	});
	const call = (name: string, args: unknown) =>
		JSON.stringify({
			jsonrpc: '2.0',
			id: i,
			method: 'tools/call',
			params: { name, arguments: args },
		});
	switch (i % 10) {
		case 0:
			return i % 200 === 0
				? rpc('oversized body', BIG.toString())
				: rpc('malformed JSON', '{"jsonrpc":"2.0",');
		case 1:
			return rpc(
				'batch',
				JSON.stringify(
					Array.from({ length: 100 }, (_, k) => ({ jsonrpc: '2.0', id: k, method: 'tools/list' })),
				),
			);
		case 2:
			return rpc(
				'unknown method',
				JSON.stringify({
					jsonrpc: '2.0',
					id: i,
					method: r.pick(['admin/shutdown', '__proto__', 'tools/../call', '']),
				}),
			);
		case 3:
			return rpc(
				'unknown tool',
				call(
					r.pick(['nope', '__proto__', 'workflow_definition_create\u0000', 'x'.repeat(5000)]),
					{},
				),
			);
		case 4:
			return rpc(
				'bad arguments',
				call('workflow_definition_create', { key: 1, steps: 'x', __proto__: { admin: true } }),
			);
		case 5:
			return rpc(
				'deep arguments',
				`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_definition_get","arguments":${nested(3000, '{"a":', '}')}}}`,
			);
		case 6:
			return rpc(
				'bad token tool call',
				call('workflow_definition_list', {}),
				bearer(r.pick(BAD_TOKENS)),
			);
		case 7:
			return rpc(
				'no accept header',
				JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/list' }),
				{ accept: 'text/html' },
			);
		case 8:
			return rpc(
				'not JSON-RPC',
				JSON.stringify(
					r.pick([null, 42, 'x', [], { id: {} }, { jsonrpc: '1.0', method: 'tools/list' }]),
				),
			);
		default:
			return {
				name: 'GET stream',
				method: r.pick(['GET', 'DELETE', 'PUT']),
				path: '/mcp',
				headers: auth,
				accept: mcpRefused,
			};
	}
}
