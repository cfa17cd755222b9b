import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRestServer, type RestServer } from '@charter/rest';
import { createExecutor, implement } from '@charter/runtime';
import type { OperationSpec } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importOpenApi } from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';

// An imported API serves the wire its description declares: its clients call it unchanged.
const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '.tmp', randomUUID());
let rest: RestServer;
let url: string;
let report: Awaited<ReturnType<typeof importOpenApi>>['report'];

beforeAll(async () => {
	({ report } = await importOpenApi({ file: join(here, 'fixtures/wire.yaml'), outDir }));
	const registry = await loadGenerated(outDir);
	const byKey = new Map(
		registry.operations().map((e) => [e.spec.meta.key, e.spec as OperationSpec]),
	);
	const contract = (key: string) => byKey.get(key)!;
	const echo = (input: unknown) => input;
	const executor = createExecutor({
		bindings: [
			implement(contract('charges.list'), echo),
			implement(contract('charges.create'), echo),
			implement(contract('charges.tag'), (input) => (input as { body: string[] }).body),
			implement(contract('charges.delete'), () => undefined),
			implement(contract('ping.ping'), () => ({ pong: true })),
			implement(contract('points.near'), echo),
		],
	});
	rest = createRestServer(executor);
	({ url } = await rest.listen(0));
});
afterAll(async () => {
	await rest?.close();
	rmSync(outDir, { recursive: true, force: true });
});

describe('an imported description, served and called as its clients call it', () => {
	test('query styles, a required header and a cookie reach the handler typed', async () => {
		const response = await fetch(
			`${url}/charges?ids=1,2&expand=a&expand=b&created[gte]=5&statuses=paid|open`,
			{ headers: { 'X-Request-Id': 'r-1', cookie: 'session=abc' } },
		);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			ids: [1, 2],
			expand: ['a', 'b'],
			created: { gte: 5 },
			statuses: ['paid', 'open'],
			'X-Request-Id': 'r-1',
			session: 'abc',
		});
		const noHeader = await fetch(`${url}/charges`);
		expect(noHeader.status).toBe(422);
	});

	test('a URL-encoded body with a query parameter beside it answers the declared 201', async () => {
		const response = await fetch(`${url}/charges?dryRun=true`, {
			method: 'POST',
			body: new URLSearchParams([
				['amount', '250'],
				['currency', 'eur'],
				['metadata', 'a'],
				['metadata', 'b'],
			]),
		});
		expect(response.status).toBe(201);
		expect(await response.json()).toEqual({
			dryRun: true,
			amount: 250,
			currency: 'eur',
			metadata: ['a', 'b'],
		});
	});

	test('a top-level array body in, a top-level array out', async () => {
		const response = await fetch(`${url}/charges/ch_1/tags`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: '["vip","late"]',
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('["vip","late"]');
	});

	test('a 204 has no body; a description whose only response is `default` answers with it', async () => {
		const deleted = await fetch(`${url}/charges/ch_1`, { method: 'DELETE' });
		expect(deleted.status).toBe(204);
		expect(await deleted.text()).toBe('');
		const ping = await fetch(`${url}/ping`);
		expect(ping.status).toBe(200);
		expect(await ping.json()).toEqual({ pong: true });
	});

	test('a matrix-style path list and a JSON query parameter (content) reach the handler typed', async () => {
		const filter = encodeURIComponent('{"kind":"shop"}');
		const response = await fetch(`${url}/points/;coords=3;coords=4?filter=${filter}`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ coords: [3, 4], filter: { kind: 'shop' } });
	});

	test('nothing about these parameters, bodies and statuses is reported as not kept', () => {
		const wireEntries = report.filter((e) =>
			/parameters|requestBody\/content|responses\/(201|204)/.test(e.path),
		);
		expect(wireEntries).toEqual([]);
	});
});
