import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRestServer, toOpenApi } from '@charter/rest';
import { createExecutor } from '@charter/runtime';
import { afterAll, describe, expect, test } from 'vitest';
import { compareOpenApi, importOpenApi, renderRoundTrip } from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';
import { runWireCases, sourceWireCases } from './source-wire.ts';

// Real descriptions (see descriptions/README.md): imported, exported again, served with every
// operation answering 501, and called the way their own clients call them: by hand, and with
// requests built from each description alone (source-wire.ts: its examples, else values
// generated from its schemas with a fixed seed) for a fixed sample of its operations.
const here = fileURLToPath(new URL('.', import.meta.url));
const TMP = join(here, '.tmp', randomUUID());
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/**
 * Imports, exports and serves one description. `roundTrip` compares the export with the
 * source too: skipped for Stripe, where it costs 13 s (its schemas nest deep and cycle).
 */
async function serveImported(name: string, roundTrip = true) {
	mkdirSync(TMP, { recursive: true });
	const file = join(TMP, `${name}.json`);
	const text = gunzipSync(readFileSync(join(here, 'descriptions', `${name}.json.gz`))).toString();
	writeFileSync(file, text);
	const outDir = join(TMP, name);
	const result = await importOpenApi({ file, outDir });
	const registry = await loadGenerated(outDir);
	const exported = toOpenApi(registry);
	const summary = roundTrip ? await compareOpenApi(file, exported) : undefined;
	if (summary) console.info(`${name}:\n${renderRoundTrip(summary, 5)}`);
	const executor = createExecutor({
		contracts: registry,
		bindings: [],
		serveUnimplemented: true,
		// A signed-in caller, so requests get past authentication to the 501.
		contextProvider: () => ({ id: 'tester', roles: [], permissions: [] }),
	});
	const rest = createRestServer(executor);
	const { url } = await rest.listen(0);
	const document = JSON.parse(text) as Record<string, unknown>;
	/** Sends the requests built from the source for every `stride`-th operation. */
	const sourceWire = async (stride: number) => {
		const { cases, skipped } = sourceWireCases(document, stride, 7);
		const outcome = await runWireCases(registry, cases);
		console.info(
			`${name}: ${cases.length} requests built from the description, ${outcome.accepted} accepted; skipped: ${skipped.join('; ') || 'none'}`,
		);
		return { cases, skipped, ...outcome };
	};
	return { result, summary, exported, url, sourceWire, close: () => rest.close() };
}

const status = async (response: Promise<Response>) => {
	const r = await response;
	return { status: r.status, code: ((await r.json()) as { code?: string }).code };
};
const form = (body: string) => ({
	method: 'POST',
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body,
});
const NOT_IMPLEMENTED = { status: 501, code: 'NOT_IMPLEMENTED' };

describe('Stripe (452 operations, form bodies, deepObject everywhere)', () => {
	test('imports, exports, serves 501 and accepts requests as Stripe clients send them, and as its description builds them', async () => {
		const api = await serveImported('stripe.com', false);
		try {
			expect(api.result.operations).toBe(452);
			expect(Object.keys(api.exported.paths).length).toBeGreaterThan(300);
			const { url } = api;
			expect(
				await status(
					fetch(`${url}/v1/customers?limit=3&created[gte]=1600000000&expand[]=data.default_source`),
				),
			).toEqual(NOT_IMPLEMENTED);
			expect(await status(fetch(`${url}/v1/customers?limit=many`))).toMatchObject({
				status: 422,
			});
			expect(
				await status(
					fetch(
						`${url}/v1/customers`,
						form('email=jenny%40example.com&metadata[order_id]=6735&expand[]=default_source'),
					),
				),
			).toEqual(NOT_IMPLEMENTED);
			expect(await status(fetch(`${url}/v1/customers`, form('balance=lots')))).toMatchObject({
				status: 422,
			});
			// A JSON body is not what Stripe takes: 415, as the description declares forms only.
			const json = await fetch(`${url}/v1/customers`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"email":"jenny@example.com"}',
			});
			expect(json.status).toBe(415);
			const wire = await api.sourceWire(12);
			expect(wire.cases.length).toBeGreaterThan(30);
			expect(wire.failures).toEqual([]);
		} finally {
			await api.close();
		}
	}, 240_000);
});

describe('Twilio API v2010 (195 operations, form bodies, 201 and 204)', () => {
	test('imports, exports, serves 501 and accepts a form-encoded message, and requests built from the description', async () => {
		const api = await serveImported('twilio-api-v2010');
		try {
			expect(api.result.operations).toBe(195);
			expect(api.summary!.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
			expect(api.summary!.compared.parameters.lost).toBe(0);
			const send = api.exported.paths['/2010-04-01/Accounts/{AccountSid}/Messages.json']!.post as {
				responses: Record<string, unknown>;
			};
			expect(Object.keys(send.responses)).toContain('201');
			expect(
				await status(
					fetch(
						`${api.url}/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json`,
						form('To=%2B15558675310&From=%2B15017122661&Body=Hi&SendAsMms=false'),
					),
				),
			).toEqual(NOT_IMPLEMENTED);
			const wire = await api.sourceWire(5);
			expect(wire.cases.length).toBeGreaterThan(30);
			expect(wire.failures).toEqual([]);
		} finally {
			await api.close();
		}
	}, 120_000);
});

describe('Asana (167 operations, form lists, bodies wrapped in data)', () => {
	test('imports, exports, serves 501 and accepts a comma-separated opt_fields list, and requests built from the description', async () => {
		const api = await serveImported('asana.com');
		try {
			expect(api.result.operations).toBe(167);
			expect(api.summary!.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
			expect(api.summary!.compared.parameters.lost).toBe(0);
			expect(
				await status(
					fetch(`${api.url}/projects/12345?opt_fields=name,archived,color&opt_pretty=true`),
				),
			).toEqual(NOT_IMPLEMENTED);
			const wire = await api.sourceWire(5);
			expect(wire.cases.length).toBeGreaterThan(30);
			expect(wire.failures).toEqual([]);
		} finally {
			await api.close();
		}
	}, 120_000);
});
