import { busCheck, createReadiness } from '@charter/runtime';
import { createStores } from '@charter/sql';
import { describe, expect, it } from 'vitest';
import { sqlStoreChecks } from './sql-store-checks.ts';

describe('createReadiness', () => {
	it('is not ready while starting, ready once set so with every check passing', async () => {
		const readiness = createReadiness({ checks: [{ name: 'store', check: () => {} }] });
		expect(await readiness.report()).toEqual({
			status: 'not ready',
			phase: 'starting',
			checks: { store: { ok: true } },
		});
		readiness.setPhase('ready');
		expect((await readiness.report()).status).toBe('ready');
	});

	it('names a failing or silent check, and ignores a failing optional one', async () => {
		const readiness = createReadiness({
			timeoutMs: 50,
			checks: [
				{ name: 'store', check: () => Promise.reject(new Error('connection refused')) },
				{ name: 'slow', check: () => new Promise(() => {}) },
				{ name: 'bus', optional: true, check: () => Promise.reject(new Error('down')) },
			],
		});
		readiness.setPhase('ready');
		expect(await readiness.report()).toEqual({
			status: 'not ready',
			phase: 'ready',
			checks: {
				store: { ok: false, detail: 'connection refused' },
				slow: { ok: false, detail: 'no answer in 50 ms' },
				bus: { ok: false, optional: true, detail: 'down' },
			},
		});
		const optionalOnly = createReadiness({
			checks: [
				{
					name: 'bus',
					optional: true,
					check: () => {
						throw new Error('down');
					},
				},
			],
		});
		optionalOnly.setPhase('ready');
		expect((await optionalOnly.report()).status).toBe('ready');
	});

	it('is not ready while draining or stopping, whatever the checks say', async () => {
		const readiness = createReadiness({ checks: [] });
		for (const phase of ['draining', 'stopping'] as const) {
			readiness.setPhase(phase);
			expect(await readiness.report()).toMatchObject({ status: 'not ready', phase });
		}
	});

	it('checks a SQL store: ready while it answers, not once it is closed', async () => {
		const stores = await createStores({ url: 'sqlite::memory:' });
		const readiness = createReadiness({ checks: sqlStoreChecks(stores) });
		readiness.setPhase('ready');
		expect((await readiness.report()).checks).toEqual({
			store: { ok: true },
			migrations: { ok: true },
		});
		await stores.close();
		const report = await readiness.report();
		expect(report.status).toBe('not ready');
		expect(report.checks.store?.ok).toBe(false);
	});

	it('checks a bus connection by a round trip, and has no check for an in-process bus', async () => {
		let closed = false;
		const check = busCheck({ connection: { isClosed: () => closed, flush: async () => {} } });
		const readiness = createReadiness({ checks: [check!] });
		readiness.setPhase('ready');
		expect((await readiness.report()).status).toBe('ready');
		closed = true;
		expect((await readiness.report()).checks.bus).toEqual({
			ok: false,
			detail: 'the connection is closed',
		});
		expect(busCheck({})).toBeUndefined();
	});
});
