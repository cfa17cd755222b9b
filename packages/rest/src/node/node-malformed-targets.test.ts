import { request as httpRequest } from 'node:http';
import { createExecutor, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocsHandler } from '../../../docs/src/index.ts';
import { createGraphqlHandler } from '../../../graphql/src/index.ts';
import { atPath } from './node-mounts.ts';
import { createRestServer, type RestServer } from './node-server.ts';

/*
 * Issue 14 (Low): request targets that are not paths, and a malformed Host header on
 * /graphql, gave 500 without authentication. With the docs site and GraphQL mounted as
 * `charter serve` mounts them, each is a 4xx.
 */
let rest: RestServer;
let port: number;
beforeAll(async () => {
	const executor = createExecutor({ bindings: [], logger: silentLogger });
	const docs = createDocsHandler(new Map([['index.html', '<!doctype html><title>docs</title>']]));
	const graphql = createGraphqlHandler(executor.registry, { executor, explorer: false });
	rest = createRestServer(executor, { mounts: [docs, atPath('/graphql', graphql.node)] });
	port = (await rest.listen(0)).port;
});
afterAll(() => rest.close());

function raw(path: string, host = `127.0.0.1:${port}`): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ port, path, headers: { host }, setHost: false }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('malformed request targets', () => {
	it.each(['//', '//:99999', '/\\\\', '//[', '//docs'])('GET %s is a 4xx', async (path) => {
		const status = await raw(path);
		expect(status).toBeGreaterThanOrEqual(400);
		expect(status).toBeLessThan(500);
	});

	it.each(['[', 'a b', '::::', 'ex ample.com:1'])(
		'a Host of %j on /graphql is not a 5xx',
		async (host) => {
			const status = await raw('/graphql?query=%7B__typename%7D', host);
			expect(status).toBeLessThan(500);
		},
	);
});
