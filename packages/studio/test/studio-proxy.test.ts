import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudioProxy, STUDIO_CSP } from '../src/index.ts';
import { openEventStream, startNotesStudio } from './fixtures/notes-app.ts';

describe('Studio against a running server (charter studio --url)', () => {
	let remote: Awaited<ReturnType<typeof startNotesStudio>>;
	let local: Server;
	let url: string;
	let assets: string;

	beforeAll(async () => {
		assets = mkdtempSync(join(tmpdir(), 'studio-proxy-assets-'));
		writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Local Studio</title>');
		// The remote server has no build of its own: the app must come from this side.
		remote = await startNotesStudio({ assetsDir: join(assets, 'missing') });
		const proxy = createStudioProxy({ target: remote.url, assetsDir: assets });
		local = createServer((request, response) => void proxy(request, response));
		await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => local?.close(resolve));
		await remote?.close();
		rmSync(assets, { recursive: true, force: true });
	});

	it('serves the app from this package, with the strict CSP', async () => {
		const page = await fetch(`${url}/studio/`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-security-policy')).toBe(STUDIO_CSP);
		expect(await page.text()).toContain('Local Studio');
		expect((await fetch(`${url}/`, { redirect: 'manual' })).headers.get('location')).toBe(
			'/studio/',
		);
	});

	it("passes every call to the server with the browser's Authorization: its rules decide", async () => {
		expect((await fetch(`${url}/studio/api/catalog`)).status).toBe(401);
		const refused = await fetch(`${url}/studio/api/catalog`, {
			headers: { authorization: 'Bearer member-a' },
		});
		expect(refused.status).toBe(403);
		const direct = await fetch(`${remote.url}/studio/api/audit?limit=5`, {
			headers: { authorization: 'Bearer admin-a' },
		}).then((r) => r.json());
		const proxied = await fetch(`${url}/studio/api/audit?limit=5`, {
			headers: { authorization: 'Bearer admin-a' },
		}).then((r) => r.json());
		expect(proxied).toEqual(direct);
	});

	it('streams live events through as they are published', async () => {
		const events = await openEventStream(url, 'admin-a');
		expect(events.response.headers.get('content-type')).toContain('text/event-stream');
		await remote.run('notes.note.add', { text: 'through the proxy' }, 'admin-a');
		await events.until('through the proxy');
		events.close();
		expect(events.text).toContain('"type":"notes.note.added"');
	});

	it('answers 502 with a problem when the server does not answer', async () => {
		const proxy = createStudioProxy({ target: 'http://127.0.0.1:9', assetsDir: assets });
		const down = createServer((request, response) => void proxy(request, response));
		await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
		try {
			const response = await fetch(
				`http://127.0.0.1:${(down.address() as AddressInfo).port}/studio/api/session`,
			);
			expect(response.status).toBe(502);
			expect(await response.json()).toMatchObject({ status: 502 });
		} finally {
			await new Promise((resolve) => down.close(resolve));
		}
	});
});
