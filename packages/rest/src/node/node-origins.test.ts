import { request } from 'node:http';
import { createExecutor, LOOPBACK_HOSTS, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestServer, type RestServer } from './node-server.ts';

/** A GET with the given headers (fetch cannot set Host). */
function get(port: number, path: string, headers: Record<string, string>) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('Host and Origin checks of createRestServer', () => {
	let rest: RestServer;
	let port: number;
	beforeAll(async () => {
		const executor = createExecutor({ bindings: [], logger: silentLogger });
		rest = createRestServer(executor, {
			originPolicy: { allowedHosts: LOOPBACK_HOSTS },
			cors: { origins: ['https://app.example.com'] },
			mounts: [
				(req, res) => {
					if (req.url !== '/mounted') return false;
					res.end('mounted');
					return true;
				},
			],
		});
		port = (await rest.listen(0)).port;
	});
	afterAll(() => rest.close());

	it('answers its own names, and 403 to a foreign Host on routes and mounts alike', async () => {
		expect((await get(port, '/healthz', { host: `localhost:${port}` })).status).toBe(200);
		for (const path of ['/healthz', '/mounted', '/v1/anything']) {
			const refused = await get(port, path, { host: `rebind.evil.example:${port}` });
			expect(refused.status).toBe(403);
			expect(JSON.parse(refused.body)).toMatchObject({ code: 'FORBIDDEN' });
		}
	});

	it('answers its own origin and the CORS origins, and 403 to another', async () => {
		const host = `127.0.0.1:${port}`;
		const own = await get(port, '/mounted', { host, origin: `http://${host}` });
		expect(own).toEqual({ status: 200, body: 'mounted' });
		const cors = await get(port, '/healthz', { host, origin: 'https://app.example.com' });
		expect(cors.status).toBe(200);
		const foreign = await get(port, '/healthz', { host, origin: 'https://evil.example' });
		expect(foreign.status).toBe(403);
		expect(JSON.parse(foreign.body).detail).toMatch(/Origin/);
	});
});
