import { isProblem, silentLogger } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { atPath } from './node-mounts.ts';
import { createRestServer, type RestServer } from './node-server.ts';

let rest: RestServer;
let url: string;
const calls: string[] = [];

beforeAll(async () => {
	rest = createRestServer(Object.assign(createTodoExecutor(), { logger: silentLogger }), {
		mounts: [
			(request, response) => {
				calls.push(`site ${request.url}`);
				if (!request.url?.startsWith('/site')) return false;
				response.end('site page');
				return true;
			},
			atPath('/hello', (_request, response) => {
				response.end('hello');
			}),
			atPath('/boom', () => {
				throw new Error('mount bug');
			}),
			atPath('/half', async (_request, response) => {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				response.write('data: 1\n\n');
				await new Promise((resolve) => setTimeout(resolve, 10));
				throw new Error('mount bug mid-answer');
			}),
		],
	});
	({ url } = await rest.listen(0));
});
afterAll(() => rest.close());

describe('mounts beside the REST routes', () => {
	it('each mount answers its own paths, in order', async () => {
		expect(await (await fetch(`${url}/site/index.html`)).text()).toBe('site page');
		expect(await (await fetch(`${url}/hello`)).text()).toBe('hello');
		expect(await (await fetch(`${url}/hello/there?x=1`)).text()).toBe('hello');
		expect(calls).toEqual(['site /site/index.html', 'site /hello', 'site /hello/there?x=1']);
	});

	it('what no mount owns goes to the REST routes, an unknown path included', async () => {
		expect((await fetch(`${url}/healthz`)).status).toBe(200);
		expect((await fetch(`${url}/hellothere`)).status).toBe(404);
		const missing = await fetch(`${url}/nowhere`);
		expect(missing.status).toBe(404);
		expect(isProblem(await missing.json())).toBe(true);
	});

	it('a mount that throws is a 500 problem, and the server goes on', async () => {
		const failed = await fetch(`${url}/boom`);
		expect(failed.status).toBe(500);
		expect(failed.headers.get('content-type')).toBe('application/problem+json');
		expect((await failed.json()).code).toBe('INTERNAL');
		expect((await fetch(`${url}/hello`)).status).toBe(200);
	});

	it('a mount that throws after it began answering has its connection closed, not left open', async () => {
		const started = await fetch(`${url}/half`);
		expect(started.status).toBe(200);
		await expect(started.text()).rejects.toThrow();
	});
});
