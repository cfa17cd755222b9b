import { createServer } from 'node:http';
import { initContract } from '@ts-rest/core';
import { createFetchHandler, tsr } from '@ts-rest/serverless/fetch';
import {
	instanceZod,
	mayPause,
	PAUSE_PATH,
	pauseInputZod,
	pauseInstance,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * ts-rest 3.53 (release candidate: the first to take Zod 4 through Standard Schema) with its
 * fetch handler on node:http (a minimal Request/Response bridge: @hono/node-server answered
 * its responses with an empty 500), body and response schemas, response validation on, the
 * token checked in the handler.
 */

const c = initContract();
const contract = c.router({
	pause: {
		method: 'POST',
		path: PAUSE_PATH,
		body: pauseInputZod,
		responses: {
			200: instanceZod,
			401: c.type<{ status: 401 }>(),
			403: c.type<{ status: 403 }>(),
			404: c.type<{ status: 404 }>(),
		},
	},
});

const instances = seedInstances();
const router = tsr.router(contract, {
	pause: async ({ body }, { request }) => {
		const principal = principalOf(request.headers.get('authorization') ?? undefined);
		if (typeof principal === 'string') return { status: 401, body: { status: 401 } };
		if (!mayPause(principal)) return { status: 403, body: { status: 403 } };
		const paused = pauseInstance(instances, body, principal.tenant, new Date().toISOString());
		if (!paused) return { status: 404, body: { status: 404 } };
		return { status: 200, body: paused };
	},
});
const handler = createFetchHandler(contract, router, {
	responseValidation: true,
	errorHandler: (error) => {
		if (process.env.TS_REST_DEBUG) console.error(error);
	},
});

const server = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', async () => {
		const headers = new Headers();
		for (const [name, value] of Object.entries(req.headers)) {
			if (typeof value === 'string') headers.set(name, value);
		}
		const request = new Request(`http://127.0.0.1${req.url}`, {
			method: req.method ?? 'GET',
			headers,
			...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
		});
		const response: Response = await handler(request);
		const body = Buffer.from(await response.arrayBuffer());
		res.writeHead(response.status, {
			...Object.fromEntries(response.headers),
			'content-length': body.length,
		});
		res.end(body);
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	announce(typeof address === 'object' && address ? address.port : 0);
});
