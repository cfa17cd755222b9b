import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteFiles } from '@charter/docs';
import { createLogger } from '@charter/runtime';
import { expect, test } from 'vitest';
import { deferredDocs } from './deferred-docs.ts';

const request = (url: string) => ({ url, method: 'GET' }) as IncomingMessage;
const response = () => {
	const sent: { status?: number; body?: string; headers?: Record<string, string> } = {};
	const res = {
		writeHead(status: number, headers?: Record<string, string>) {
			sent.status = status;
			if (headers) sent.headers = headers;
			return res;
		},
		end(body?: string) {
			sent.body = String(body ?? '');
			return res;
		},
		setHeader() {},
	};
	return { res: res as unknown as ServerResponse, sent };
};

test('a path outside /docs never waits for the site; /docs waits for it and is served', async () => {
	let built = 0;
	let finish: (files: SiteFiles) => void = () => {};
	const site = new Promise<SiteFiles>((resolve) => (finish = resolve));
	const docs = deferredDocs(
		() => {
			built++;
			return site;
		},
		createLogger({ level: 'silent' }),
	);

	// The site is still being built: other paths fall through at once and start nothing.
	expect(await docs(request('/healthz'), response().res)).toBe(false);
	expect(await docs(request('/v1/docs'), response().res)).toBe(false);
	expect(built).toBe(0);

	const page = response();
	const served = docs(request('/docs/'), page.res);
	expect(built).toBe(1);
	finish(new Map([['index.html', '<h1>API</h1>']]));
	expect(await served).toBe(true);
	expect(page.sent).toMatchObject({ status: 200 });
	expect(built).toBe(1);
});

test('a /docs request that outwaits the build is told the site is being built (503, Retry-After), then served', async () => {
	let finish: (files: SiteFiles) => void = () => {};
	const site = new Promise<SiteFiles>((resolve) => (finish = resolve));
	const docs = deferredDocs(() => site, createLogger({ level: 'silent' }), { waitMs: 20 });

	const early = response();
	expect(await docs(request('/docs/'), early.res)).toBe(true);
	expect(early.sent.status).toBe(503);
	expect(early.sent.headers).toMatchObject({ 'retry-after': '5' });
	expect(early.sent.body).toContain('The docs site is being built');

	finish(new Map([['index.html', '<h1>API</h1>']]));
	const later = response();
	expect(await docs(request('/docs/'), later.res)).toBe(true);
	expect(later.sent).toMatchObject({ status: 200 });
});

test('a site that fails to build falls through to the router', async () => {
	const docs = deferredDocs(
		() => Promise.reject(new Error('broken')),
		createLogger({ level: 'silent' }),
	);
	expect(await docs(request('/docs/'), response().res)).toBe(false);
});
