import { type LogFields, type Logger, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { atPath } from './node-mounts.ts';
import { createRestServer, type RestServer } from './node-server.ts';

const lines: { fields: LogFields; message: string | undefined }[] = [];
const keep = (first: LogFields | string, message?: string) => {
	if (typeof first !== 'string') lines.push({ fields: first, message });
};
const accessLog: Logger = { debug() {}, info: keep, warn: keep, error: keep };

let rest: RestServer;
let url: string;

beforeAll(async () => {
	rest = createRestServer(createTodoExecutor({ logger: silentLogger }), {
		accessLog,
		mounts: [atPath('/site', (_request, response) => void response.end('page'))],
	});
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

/** Waits for the line of the request that just finished (written when its response closes). */
async function lastLine() {
	for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
	return lines.splice(0).at(-1);
}

describe('the access log', () => {
	it('writes one line per call: method, path without the query, status, duration, trace id, principal', async () => {
		const response = await fetch(`${url}/v1/todo/list?done=false`, {
			headers: { authorization: 'Bearer alice' },
		});
		expect(response.status).toBe(200);
		const line = await lastLine();
		expect(line?.message).toBe('request');
		expect(line?.fields).toEqual({
			method: 'GET',
			path: '/v1/todo/list',
			status: 200,
			durationMs: expect.any(Number),
			traceId: response.headers.get('x-trace-id'),
			principalId: 'alice',
			operation: 'todo.list@1.0.0',
		});
	});

	it('logs refusals with their status and no principal, and requests no operation answered', async () => {
		await fetch(`${url}/v1/todo/list`, { headers: { authorization: 'Bearer nobody' } });
		const refused = await lastLine();
		expect(refused?.fields).toMatchObject({ status: 401, traceId: expect.any(String) });
		expect(refused?.fields).not.toHaveProperty('principalId');
		await fetch(`${url}/site/x?secret=1`);
		expect((await lastLine())?.fields).toMatchObject({
			method: 'GET',
			path: '/site/x',
			status: 200,
		});
	});
});
