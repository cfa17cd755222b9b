import { createExecutor, implement } from '@charter/runtime';
import { compileJsonWriter, defineSchemaModel, ScalarTypeEnum as S } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { createFetchHandler } from '../fetch/fetch-handler.ts';

/*
 * REST answers write the output with its compiled writer (validated and serialized in one
 * pass) and fall back to the general path (copy, Ajv, JSON.stringify) for what the writer
 * cannot vouch for. Either way the contract holds: a broken output is a 500.
 */

const Item = defineSchemaModel({
	name: 'CompiledItem',
	fields: {
		id: { type: S.ID(), isOptional: false },
		count: { type: S.Int({ minimum: 0 }), isOptional: true, default: 0 },
		at: { type: S.DateTime(), isOptional: false },
		extra: { type: S.JSONObject(), isOptional: true },
	},
});
const Input = defineSchemaModel({
	name: 'CompiledInput',
	fields: { mode: { type: S.String(), isOptional: false } },
});
const GetItem = defineQuery({
	meta: { key: 'compiled.get', version: '1.0.0' },
	io: { input: Input, output: Item },
	policy: { auth: 'anonymous' },
});
const TouchItem = defineCommand({
	meta: { key: 'compiled.touch', version: '1.0.0' },
	io: { input: Input, output: Item },
	policy: { auth: 'anonymous' },
});

const AT = '2026-01-31T12:00:00.000Z';
const outputs: Record<string, unknown> = {
	ok: { id: 'i-1', at: AT, secret: 'not declared' },
	'bad-date': { id: 'i-1', at: '2026-02-30T12:00:00Z' },
	'bad-count': { id: 'i-1', at: AT, count: -1 },
	missing: { at: AT },
	'date-object': { id: 'i-1', at: new Date(AT) },
	'date-inside-free-form': { id: 'i-1', at: AT, extra: { when: new Date(AT) } },
};
const handler = ({ mode }: { mode: string }) => structuredClone(outputs[mode]) as never;
const fetchHandler = createFetchHandler(
	createExecutor({ bindings: [implement(GetItem, handler), implement(TouchItem, handler)] }),
	{ openapi: false },
);
/** The query by GET (input in the query string), the command by POST. */
const call = (path: string, mode: string, headers: Record<string, string> = {}) =>
	fetchHandler(
		path.endsWith('/get')
			? new Request(`http://test${path}?mode=${mode}`, { headers })
			: new Request(`http://test${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: JSON.stringify({ mode }),
				}),
	);

describe('REST output through the compiled writer', () => {
	it('the output model has a compiled writer (the fast path is the one under test)', () => {
		expect(compileJsonWriter(Item)).toBeDefined();
	});

	for (const path of ['/v1/compiled/get', '/v1/compiled/touch']) {
		it(`${path}: a valid output is written stripped of undeclared keys, defaults filled`, async () => {
			const response = await call(path, 'ok');
			expect(response.status).toBe(200);
			expect(await response.text()).toBe(`{"id":"i-1","count":0,"at":"${AT}"}`);
		});

		for (const mode of ['bad-date', 'bad-count', 'missing', 'date-object']) {
			it(`${path}: an output that breaks the contract (${mode}) is still a 500`, async () => {
				const response = await call(path, mode);
				expect(response.status).toBe(500);
				expect(await response.json()).toMatchObject({ code: 'OUTPUT_CONTRACT_VIOLATION' });
			});
		}
	}

	it('what the writer cannot vouch for (a Date in a free-form object) takes the general path', async () => {
		const response = await call('/v1/compiled/get', 'date-inside-free-form');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ id: 'i-1', count: 0, at: AT, extra: { when: AT } });
	});

	it('a command with an idempotency key replays the same body', async () => {
		const key = { 'idempotency-key': 'compiled-1' };
		const first = await call('/v1/compiled/touch', 'ok', key);
		const again = await call('/v1/compiled/touch', 'ok', key);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(await again.json()).toEqual(await first.json());
	});
});
