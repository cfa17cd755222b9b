import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientGoneFixture } from '../../test/fixtures/client-gone.ts';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { charterExpress } from './express/express-adapter.ts';
import { charterFastify } from './fastify/fastify-adapter.ts';
import { charterHono } from './hono/hono-adapter.ts';

type Mounted = {
	fetch: (path: string, init?: RequestInit) => Promise<Response>;
	close: () => Promise<void>;
};

/** Each adapter mounts Charter under /api beside one route of the host app (/api/own). */
const mounts: Record<string, () => Promise<Mounted>> = {
	fetch: async () => {
		const handle = createFetchHandler(createTodoExecutor(), { basePath: '/api' });
		return {
			fetch: (path, init) => handle(new Request(`http://x${path}`, init)),
			close: async () => {},
		};
	},
	hono: async () => {
		const app = new Hono();
		app.get('/api/own', (c) => c.json({ own: true }));
		app.use('/api/*', charterHono(createTodoExecutor(), { basePath: '/api' }));
		return { fetch: async (path, init) => app.request(path, init), close: async () => {} };
	},
	express: async () => {
		const app = express();
		app.use(express.json());
		app.use('/api', charterExpress(createTodoExecutor()));
		app.get('/api/own', (_req, res) => {
			res.json({ own: true });
		});
		const server = app.listen(0, '127.0.0.1');
		await new Promise((r) => server.once('listening', r));
		const { port } = server.address() as AddressInfo;
		return {
			fetch: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
			close: () => new Promise((r) => server.close(() => r())),
		};
	},
	fastify: async () => {
		const app = Fastify();
		app.get('/api/own', async () => ({ own: true }));
		await app.register(charterFastify(createTodoExecutor(), { basePath: '/api' }), {
			prefix: '/api',
		});
		await app.listen({ port: 0, host: '127.0.0.1' });
		const { port } = app.server.address() as AddressInfo;
		return {
			fetch: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
			close: () => app.close(),
		};
	},
};

describe.each(Object.keys(mounts))('%s adapter', (name) => {
	it('serves Charter routes under the mount, beside the host app routes', async () => {
		const mounted = await mounts[name]!();
		try {
			const created = await mounted.fetch('/api/v1/todo/create', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
				body: JSON.stringify({ title: 'milk' }),
			});
			expect(created.status).toBe(200);
			expect((await created.json()).title).toBe('milk');
			const listed = await mounted.fetch('/api/v1/todo/list?limit=1&done=false');
			expect((await listed.json()).items).toHaveLength(1);
			const invalid = await mounted.fetch('/api/v1/todo/create', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
				body: '{"title":""}',
			});
			expect(invalid.status).toBe(422);
			expect(invalid.headers.get('content-type')).toBe('application/problem+json');
			if (name !== 'fetch')
				expect(await (await mounted.fetch('/api/own')).json()).toEqual({ own: true });
		} finally {
			await mounted.close();
		}
	});
});

describe('a client that leaves while its handler runs aborts ctx.signal', () => {
	it('through the Express adapter', async () => {
		const { executor, leaveMidHandler } = clientGoneFixture();
		const app = express();
		app.use('/api', charterExpress(executor));
		const server = app.listen(0, '127.0.0.1');
		await new Promise((r) => server.once('listening', r));
		try {
			const { port } = server.address() as AddressInfo;
			expect(await leaveMidHandler(port, '/api/v1/slow/work')).toBe(true);
		} finally {
			server.closeAllConnections();
			await new Promise((r) => server.close(() => r(undefined)));
		}
	});

	it('through the Fastify adapter', async () => {
		const { executor, leaveMidHandler } = clientGoneFixture();
		const app = Fastify();
		await app.register(charterFastify(executor, { basePath: '/api' }), { prefix: '/api' });
		await app.listen({ port: 0, host: '127.0.0.1' });
		try {
			const { port } = app.server.address() as AddressInfo;
			expect(await leaveMidHandler(port, '/api/v1/slow/work')).toBe(true);
		} finally {
			await app.close();
		}
	});
});
