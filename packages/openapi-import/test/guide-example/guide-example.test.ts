import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importOpenApi } from '../../src/index.ts';
import { createApp } from './charter-app.ts';
import { createTodoStore } from './legacy-app.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const guide = readFileSync(
	join(here, '../../../../docs/guides/adoption/incremental-adoption.md'),
	'utf8',
);
const TMP = join(here, '../.tmp', randomUUID());
let server: Server;
let base: string;

beforeAll(async () => {
	server = createApp(createTodoStore()).listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const address = server.address() as { port: number };
	base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(TMP, { recursive: true, force: true });
});

describe('the incremental adoption guide', () => {
	test('shows the code this test runs', () => {
		for (const file of ['legacy-app.ts', 'charter-app.ts', 'openapi.yaml']) {
			expect(guide).toContain(readFileSync(join(here, file), 'utf8').trim());
		}
	});

	test('the committed contracts are what `charter openapi import` writes today', async () => {
		const result = await importOpenApi({ file: join(here, 'openapi.yaml'), outDir: TMP });
		for (const file of result.files) {
			expect(readFileSync(join(here, 'contracts', file.path), 'utf8')).toBe(file.text);
		}
	});

	test('a wrapped legacy handler answers through Charter, query coerced and output validated', async () => {
		const response = await fetch(`${base}/todos?done=true`);
		expect(response.status).toBe(200);
		expect(response.headers.get('x-trace-id')).toBeTruthy();
		expect(await response.json()).toEqual([{ id: 1, title: 'Read the guide', done: true }]);
	});

	test("a legacy 404 becomes the contract's NOT_FOUND problem, with the legacy body as data", async () => {
		const response = await fetch(`${base}/todos/99`);
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toContain('application/problem+json');
		expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'no todo 99' });
	});

	test('the rewritten operation validates its input and answers with the contract and its 201', async () => {
		const post = (body: unknown) =>
			fetch(`${base}/todos`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		const created = await post({ title: 'Mount Charter beside Express' });
		expect(created.status).toBe(201);
		expect(await created.json()).toEqual({
			id: 2,
			title: 'Mount Charter beside Express',
			done: false,
		});
		const invalid = await post({ title: '' });
		expect(invalid.status).toBe(422);
		expect(await invalid.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
	});

	test('routes Charter does not serve fall through to the legacy app', async () => {
		const response = await fetch(`${base}/users/octocat`);
		expect(response.status).toBe(200);
		expect(response.headers.get('x-trace-id')).toBeNull();
		expect(await response.json()).toEqual({ login: 'octocat' });
	});
});
