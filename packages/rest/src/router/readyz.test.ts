import { createReadiness } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { createRestRouter } from './rest-router.ts';

const get = (url: string) => ({
	method: 'GET',
	url,
	headers: {},
	readBody: async () => ({ text: '' }),
});

describe('/readyz', () => {
	it('answers 503 with the report naming what is not ready, 200 once ready', async () => {
		let storeUp = false;
		const readiness = createReadiness({
			checks: [
				{
					name: 'store',
					check: () => {
						if (!storeUp) throw new Error('connection refused');
					},
				},
			],
		});
		const router = createRestRouter(createTodoExecutor(), { readiness });
		const starting = await router.handle(get('/readyz'));
		expect(starting.status).toBe(503);
		expect(starting.headers['retry-after']).toBe('1');
		expect(JSON.parse(starting.body!)).toEqual({
			status: 'not ready',
			phase: 'starting',
			checks: { store: { ok: false, detail: 'connection refused' } },
		});
		readiness.setPhase('ready');
		storeUp = true;
		const ready = await router.handle(get('/readyz'));
		expect(ready.status).toBe(200);
		expect(JSON.parse(ready.body!)).toMatchObject({ status: 'ready', phase: 'ready' });
		readiness.setPhase('draining');
		expect((await router.handle(get('/readyz'))).status).toBe(503);
	});

	it('is ready whenever the server is up when no readiness is given', async () => {
		const router = createRestRouter(createTodoExecutor());
		expect((await router.handle(get('/readyz'))).status).toBe(200);
		expect((await router.handle({ ...get('/readyz'), method: 'POST' })).status).toBe(405);
	});
});
