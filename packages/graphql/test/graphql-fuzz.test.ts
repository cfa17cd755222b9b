import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../src/index.ts';
import { fixtureRegistry, TOKENS } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor } from './fixtures/fixture-executor.ts';

const handler = createGraphqlHandler(fixtureRegistry(), { executor: createFixtureExecutor() });

const TOKENS_OF_GRAPHQL = [
	'{',
	'}',
	'(',
	')',
	'[',
	']',
	':',
	'$',
	'!',
	'...',
	'@',
	'=',
	'"',
	',',
	' ',
	'\n',
	'query',
	'mutation',
	'subscription',
	'fragment',
	'on',
	'notesNoteGet',
	'notesNoteCreate',
	'adminStatsGet',
	'systemPing',
	'shapesShapeDescribeV2',
	'input',
	'id',
	'title',
	'author',
	'email',
	'__schema',
	'__type',
	'types',
	'name',
	'fields',
	'__typename',
	'Circle',
	'"n1"',
	'1',
	'null',
	'true',
	'$input',
	'ID!',
	'DateTime',
	'#',
];

/** Documents built from GraphQL tokens: mostly broken, sometimes valid, often deep or odd. */
const documents = fc
	.array(fc.constantFrom(...TOKENS_OF_GRAPHQL), { maxLength: 60 })
	.map((tokens) => tokens.join(' '));

const variables = fc.oneof(
	fc.constant(undefined),
	fc.jsonValue({ maxDepth: 3 }),
	fc.record({ input: fc.jsonValue({ maxDepth: 3 }) }),
	fc.record({ input: fc.record({ id: fc.oneof(fc.string(), fc.integer()), title: fc.string() }) }),
);

const bodies = fc.oneof(
	fc.string(),
	fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
	fc
		.record({
			query: fc.oneof(documents, fc.string(), fc.integer()),
			variables,
			operationName: fc.option(fc.string()),
		})
		.map((v) => JSON.stringify(v)),
);

const requests = fc.record({
	method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'PATCH', 'DELETE'),
	contentType: fc.constantFrom(
		'application/json',
		'text/plain',
		'application/graphql-response+json',
		'',
	),
	accept: fc.constantFrom('application/json', '*/*', 'text/html', ''),
	token: fc.constantFrom(undefined, TOKENS.user, TOKENS.admin, 'forged'),
	body: bodies,
	search: fc.oneof(
		fc.constant(''),
		documents.map((q) => `?query=${encodeURIComponent(q)}`),
		fc.string().map((s) => `?variables=${encodeURIComponent(s)}&query={adminStatsGet{notes}}`),
	),
});

describe('GraphQL endpoint under malformed input', () => {
	it('answers 2,000 malformed requests with a JSON 2xx/4xx and errors that carry a message, never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(requests, async (r) => {
				const headers: Record<string, string> = {};
				if (r.contentType) headers['content-type'] = r.contentType;
				if (r.accept) headers.accept = r.accept;
				if (r.token) headers.authorization = `Bearer ${r.token}`;
				const bodyAllowed = r.method !== 'GET';
				const response = await handler.fetch(
					new Request(`http://localhost/graphql${r.search}`, {
						method: r.method,
						headers,
						...(bodyAllowed ? { body: r.body } : {}),
					}),
				);
				expect(response.status).toBeLessThan(500);
				const text = await response.text();
				// PUT and DELETE belong to graphql-sse's reservation protocol (plain-text tokens).
				if (!response.headers.get('content-type')?.includes('json')) {
					expect(
						['PUT', 'DELETE'].includes(r.method) ||
							response.headers.get('content-type')?.includes('text/html'),
					).toBe(true);
					return;
				}
				const json = JSON.parse(text) as { errors?: { message: unknown }[]; data?: unknown };
				expect(json.errors !== undefined || json.data !== undefined).toBe(true);
				for (const error of json.errors ?? []) expect(typeof error.message).toBe('string');
			}),
			{ numRuns: 2000 },
		);
	}, 60_000);

	it('rejects documents past the token limit before building an AST', async () => {
		const query = `{ ${'adminStatsGet { notes } '.repeat(6000)} }`;
		const response = await handler.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query }),
			}),
		);
		expect(response.status).toBe(413);
	});

	it('measures a doubling fragment flood without expanding it and refuses it as QUERY_TOO_COMPLEX', async () => {
		const fragments = Array.from({ length: 30 }, (_, i) =>
			i === 0
				? 'fragment F0 on Query { adminStatsGet { notes } }'
				: `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
		).join(' ');
		const started = Date.now();
		const response = await handler.fetch(
			new Request('http://localhost/graphql', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: `{ ...F29 } ${fragments}` }),
			}),
		);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({
			errors: [
				{
					message: `the query costs ${2 ** 30} (fields times the sizes of their lists); the limit is 2000: ask for fewer fields or a smaller limit`,
					extensions: { code: 'QUERY_TOO_COMPLEX', status: 400 },
				},
			],
		});
	});
});
