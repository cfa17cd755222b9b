import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRestServer, toOpenApi } from '@charter/rest';
import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { afterAll, describe, expect, test } from 'vitest';
import {
	compareOpenApi,
	importOpenApi,
	type ReportEntry,
	type RoundTripSummary,
	renderRoundTrip,
} from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';
import { outputShape } from './output-shape.ts';
import { runWireCases, sourceWireCases } from './source-wire.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const TMP = join(here, '.tmp', randomUUID());
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
// Real descriptions, shipped in npm packages installed as dev dependencies.
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const github = join(
	dirname(require.resolve('@octokit/openapi/package.json')),
	'generated/api.github.com.json',
);

async function roundTrip(file: string, name: string) {
	const outDir = join(TMP, name);
	const started = performance.now();
	const result = await importOpenApi({ file, outDir });
	const importMs = performance.now() - started;
	const registry = await loadGenerated(outDir);
	const summary = await compareOpenApi(file, toOpenApi(registry));
	console.info(`${name}: imported in ${Math.round(importMs)} ms\n${renderRoundTrip(summary)}`);
	return { result, registry, summary, importMs };
}

/**
 * A changed or lost item is explained when the import reported something about its operation,
 * or when it is Charter's error wire: a declared error status answers a problem document whose
 * `data` is the source's error body.
 */
function unexplained(summary: RoundTripSummary, report: readonly ReportEntry[]) {
	return summary.differences.filter(
		(d) =>
			d.outcome !== 'added' &&
			!/a problem document/.test(d.detail) &&
			!report.some((e) => e.path === d.pointer || e.path.startsWith(`${d.pointer}/`)),
	);
}

describe.each([
	{ name: 'petstore-3.0-json', file: join(examples, '3.0/json/petstore.json'), operations: 20 },
	{ name: 'petstore-3.1-yaml', file: join(examples, '3.1/yaml/petstore.yaml'), operations: 20 },
	{ name: 'star-trek-3.0', file: join(examples, '3.0/json/star-trek.json'), operations: 120 },
	{
		name: 'petstore-expanded-3.0',
		file: join(examples, '3.0/json/petstore-expanded.json'),
		operations: 4,
	},
	{ name: 'split-files-3.1', file: join(here, 'fixtures/split/api.yaml'), operations: 3 },
	{ name: 'train-travel-3.1', file: join(examples, '3.1/json/train-travel.json'), operations: 7 },
])('round trip of $name', ({ name, file, operations }) => {
	test('every operation comes back; every parameter, body media type and response is exact, or changed or lost for a reported reason', async () => {
		const { result, registry, summary } = await roundTrip(file, name);
		expect(registry.operations()).toHaveLength(operations);
		expect(summary.operations).toBe(operations);
		expect(summary.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
		expect(summary.compared.parameters.lost).toBe(0);
		expect(unexplained(summary, result.report)).toEqual([]);
	});
});

describe('round trip of the wire fixture', () => {
	test('parameters in every style (matrix paths, JSON content too), form and array bodies, 201 and 204 come back exact; `default` as the only answer is 200', async () => {
		const { summary } = await roundTrip(join(here, 'fixtures/wire.yaml'), 'wire');
		expect(summary.compared).toEqual({
			parameters: { exact: 11, changed: 0, lost: 0 },
			'request-body': { exact: 2, changed: 0, lost: 0 },
			responses: { exact: 5, changed: 1, lost: 0 },
		});
		expect(summary.differences.filter((d) => d.outcome !== 'added')).toEqual([
			expect.objectContaining({
				operation: 'GET /ping',
				item: 'default',
				outcome: 'changed',
				detail: 'answered as 200',
			}),
		]);
		// What the export adds: the optional Idempotency-Key header of each command.
		expect(
			summary.differences.filter((d) => d.outcome === 'added').map((d) => `${d.item} ${d.detail}`),
		).toEqual(Array(3).fill('header:idempotency-key optional'));
	});
});

describe('round trip of success and error responses', () => {
	test('every 2xx is declared and comes back; a 4XX, a 5XX and a `default` beside the success come back under their own keys', async () => {
		const { summary, registry, result } = await roundTrip(
			join(here, 'fixtures/responses.yaml'),
			'responses',
		);
		const at = (method: string, path: string) =>
			registry
				.operations()
				.find(
					(o) => o.spec.transport.rest?.method === method && o.spec.transport.rest.path === path,
				)!.spec;
		expect(at('GET', '/orders/{id}').errors).toMatchObject({
			NOT_FOUND: { status: 404 },
			HTTP_4XX: { status: 400, documentedAs: '4XX', description: 'Any other client error' },
			HTTP_5XX: { status: 500, documentedAs: '5XX', data: { kind: 'model', name: 'Failure' } },
			HTTP_DEFAULT: { status: 500, documentedAs: 'default', data: { name: 'Failure' } },
		});
		// The first success is the status, the others are declared beside it with the success
		// headers Charter lets a handler set (`Link` it writes itself).
		expect(at('POST', '/orders').transport.rest).toMatchObject({
			status: 201,
			response: {
				statuses: [202],
				headers: {
					Location: { description: 'Where the order is read' },
					'X-Rate-Limit': { description: 'Calls left in this hour' },
				},
			},
		});
		expect(at('POST', '/orders').transport.rest?.response?.headers).not.toHaveProperty('Link');
		expect(at('POST', '/orders/{id}/cancel').transport.rest).toMatchObject({
			response: { statuses: [202, 204] },
		});
		expect(at('POST', '/orders/{id}/cancel').transport.rest?.status).toBeUndefined();
		// Nothing lost. Changed: the two error bodies (problem documents whose data is that
		// body), a 2XX range answered as 200, and a 202 whose own body is not the output.
		expect(summary.compared.responses).toEqual({ exact: 7, changed: 4, lost: 0 });
		expect(
			summary.differences
				.filter((d) => d.outcome === 'changed')
				.map((d) => `${d.operation} ${d.item}: ${d.detail.replace(/:.*/, '')}`)
				.sort(),
		).toEqual([
			'GET /orders 2XX: answered as 200',
			'GET /orders/{id} 5XX: a problem document; the body is its `data`',
			'GET /orders/{id} default: a problem document; the body is its `data`',
			'POST /orders/{id}/cancel 202: at .properties',
		]);
		expect(unexplained(summary, result.report)).toEqual([]);
		expect(
			result.report
				.filter((e) => /XX|status|header|Link/.test(e.message))
				.map((e) => `${e.category} ${e.path}: ${e.message}`)
				.sort(),
		).toEqual([
			'dropped #/paths/~1orders/post/responses/201/headers/Link: Link is written by Charter itself: not declared as a response header',
			'normalized #/paths/~1orders/get/responses/2XX: the 2XX range is answered and exported as 200: a contract declares single success statuses',
			'normalized #/paths/~1orders/post/responses/201/headers/X-Rate-Limit: declared as a string header: its schema ("integer") is not kept',
			'normalized #/paths/~1orders~1{id}~1cancel/post/responses/202: status 202 answers the output of 200: one output per operation, its own body schema is not kept',
		]);
	});

	test('a handler may answer each declared status: 202 with its header, 204 without a body', async () => {
		const { registry } = await roundTrip(join(here, 'fixtures/responses.yaml'), 'responses-served');
		const find = (path: string) =>
			registry
				.operations()
				.find((o) => o.spec.transport.rest?.path === path && o.spec.kind === 'command')!.spec;
		const order = { id: 'o-1' };
		const executor = createExecutor({
			bindings: [
				implement(find('/orders'), (_input, ctx) => {
					ctx.response.status(202).header('Location', '/orders/o-1');
					return order as never;
				}),
				// A 204 sends no body, but the output is still checked: the handler returns one.
				implement(find('/orders/{id}/cancel'), (_input, ctx) => {
					ctx.response.status(204);
					return order as never;
				}),
			],
			contextProvider: () => ({ id: 'tester', roles: [], permissions: [] }),
			logger: silentLogger,
		});
		const rest = createRestServer(executor);
		const { url } = await rest.listen(0);
		try {
			const accepted = await fetch(`${url}/orders`, { method: 'POST' });
			expect(accepted.status).toBe(202);
			expect(accepted.headers.get('location')).toBe('/orders/o-1');
			expect(await accepted.json()).toEqual(order);
			const cancelled = await fetch(`${url}/orders/o-1/cancel`, { method: 'POST' });
			expect(cancelled.status).toBe(204);
			expect(await cancelled.text()).toBe('');
		} finally {
			await rest.close();
		}
	});
});

describe('round trip of parameters with content', () => {
	test('a JSON document parameter comes back exact; one in another media type is changed, and reported', async () => {
		const { summary, result } = await roundTrip(
			join(here, 'fixtures/content-parameters.yaml'),
			'content-parameters',
		);
		expect(summary.compared.parameters).toEqual({ exact: 1, changed: 1, lost: 0 });
		expect(summary.differences).toEqual([
			expect.objectContaining({
				item: 'header:x-note',
				outcome: 'changed',
				detail: 'style content text/plain -> content application/json',
			}),
		]);
		expect(unexplained(summary, result.report)).toEqual([]);
	});
});

describe('round trip of the GitHub REST API description (@octokit/openapi)', () => {
	// Its speed (target: under 10 s) is measured by bench/openapi-import, not asserted here.
	test('imports over a thousand operations; parameters come back with their style, bodies mostly exact; requests and response examples of the description pass', async () => {
		const { result, summary, registry } = await roundTrip(github, 'github');
		expect(result.operations).toBeGreaterThan(1000);
		// Readable output. Before deduplication, splitting and shortening: 7,935 declarations
		// (now 3,747), 1,335 of them the same text as another inline one, names of up to 107
		// characters, a 12,029-line repos/repos.operations.ts.
		const shape = outputShape(result.files);
		console.info(`github output: ${JSON.stringify(shape)}`);
		expect(shape.inlineDuplicates).toBe(0);
		expect(shape.longestName.length).toBeLessThanOrEqual(50); // 48, and a uniqueness number
		expect(shape.longestFile.lines).toBeLessThan(2_000);
		expect(summary.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
		const { parameters, 'request-body': body } = summary.compared;
		expect(parameters.lost).toBe(0);
		// Measured: 3,515 of 3,526 parameters exact; the 11 others are oneOf(string, list)
		// query values, exported as JSON content. Request bodies: 275 of 345 media types exact.
		expect(parameters.exact / (parameters.exact + parameters.changed)).toBeGreaterThan(0.99);
		expect(body.exact / (body.exact + body.changed + body.lost)).toBeGreaterThan(0.75);
		expect(unexplained(summary, result.report)).toEqual([]);
		// The wire test (source-wire.ts): every 30th operation called with requests built from
		// the description; handlers answer the description's own response examples, which must
		// pass output validation.
		const document = JSON.parse(readFileSync(github, 'utf8')) as Record<string, unknown>;
		const { cases, skipped } = sourceWireCases(document, 30, 7);
		const wire = await runWireCases(registry, cases);
		const examples = cases.filter((c) => c.outputFrom === 'example').length;
		const invalid = cases.filter((c) => c.outputFrom === 'invalid-example').length;
		console.info(
			`github: ${cases.length} requests, ${wire.accepted} accepted, ${examples} answered with the description's response example (${invalid} examples invalid against their own schema, not answered); skipped: ${skipped.join('; ') || 'none'}`,
		);
		expect(examples).toBeGreaterThan(10);
		expect(wire.failures).toEqual([]);
	}, 240_000);
});
