import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { shortName } from '../src/convert/naming.ts';
import { SPLIT_OVER } from '../src/convert/operation-modules.ts';
import { importOpenApi } from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';
import { outputShape } from './output-shape.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
// Output lives inside the repo (gitignored) so generated files resolve `@charter/*`.
const TMP = join(here, '.tmp', randomUUID());
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
/** The same inline page shape in every list response: data, and a `created` range. */
const page = {
	type: 'object',
	properties: {
		data: { type: 'array', items: { type: 'string' } },
		created: { type: 'object', properties: { gte: { type: 'integer' }, lte: { type: 'integer' } } },
	},
};
const RESOURCES = ['items', 'refunds', 'notes', 'labels', 'events', 'shipments', 'payments'];

/** A description with one large tag, repeated inline shapes and long nested names. */
function description() {
	const paths: Record<string, unknown> = {
		'/orders': { get: { tags: ['orders'], responses: { 200: json(page) } } },
		'/customers': { get: { tags: ['customers'], responses: { 200: json(page) } } },
		'/customers/{id}/subscriptions': {
			post: {
				tags: ['customers'],
				operationId: 'PostCustomersCustomerSubscriptionsSubscriptionExposedId',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				requestBody: json({
					type: 'object',
					properties: {
						payment_settings: {
							type: 'object',
							properties: {
								payment_method_options: {
									type: 'object',
									properties: {
										us_bank_account: {
											type: 'object',
											properties: {
												financial_connections: {
													type: 'object',
													properties: {
														permissions: { type: 'array', items: { enum: ['balances'] } },
													},
												},
											},
										},
									},
								},
							},
						},
					},
				}),
				responses: { 201: json({ $ref: '#/components/schemas/simple-user' }) },
			},
		},
	};
	for (const r of RESOURCES) {
		const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
		const rid = { name: 'rid', in: 'path', required: true, schema: { type: 'string' } };
		paths[`/orders/{id}/${r}`] = {
			parameters: [id],
			get: { tags: ['orders'], operationId: `list-${r}`, responses: { 200: json(page) } },
			post: {
				tags: ['orders'],
				operationId: `add-${r}`,
				responses: { 204: { description: 'ok' } },
			},
		};
		paths[`/orders/{id}/${r}/{rid}`] = {
			parameters: [id, rid],
			get: { tags: ['orders'], operationId: `get-${r}`, responses: { 204: { description: 'ok' } } },
			put: { tags: ['orders'], operationId: `put-${r}`, responses: { 204: { description: 'ok' } } },
			delete: {
				tags: ['orders'],
				operationId: `del-${r}`,
				responses: { 204: { description: 'ok' } },
			},
		};
	}
	return {
		openapi: '3.0.3',
		info: { title: 'Readable', version: '1.0.0' },
		paths,
		components: {
			schemas: {
				Range: page.properties.created,
				'simple-user': { type: 'object', properties: { login: { type: 'string' } } },
				SubscriptionPaymentMethodOptionsUsBankAccountFinancialConnectionsPermissions: {
					type: 'object',
					properties: { prefetch: { type: 'boolean' } },
				},
			},
		},
	};
}

async function importReadable() {
	mkdirSync(TMP, { recursive: true });
	const file = join(TMP, 'readable.json');
	writeFileSync(file, JSON.stringify(description()));
	const outDir = join(TMP, 'readable');
	const result = await importOpenApi({ file, outDir });
	const declarations = result.files.flatMap((f) =>
		[...f.text.matchAll(/^export const (\w+) =/gm)].map((m) => ({ name: m[1]!, path: f.path })),
	);
	return {
		result,
		outDir,
		declarations,
		text: (path: string) => result.files.find((f) => f.path === path)?.text ?? '',
	};
}

describe('readable output', () => {
	test('identical inline types are declared once: as the component they equal, else as the first of them, in a file of its own when modules share it', async () => {
		const { result, outDir, declarations, text } = await importReadable();
		// Eight list responses (seven resources, /orders) and /customers share one page type.
		const pages = result.files.filter((f) => /fields: \{\n\t\tdata:/.test(f.text));
		expect(pages.map((f) => f.path)).toEqual(['models/orders-get-output.schema.ts']);
		const pageName = 'OrdersGetOutput';
		expect(declarations.filter((d) => d.name.startsWith(pageName))).toEqual([
			{ name: pageName, path: 'models/orders-get-output.schema.ts' },
		]);
		// Its `created` member is exactly the Range component: no second declaration.
		expect(text('models/orders-get-output.schema.ts')).toContain('type: Range,');
		expect(declarations.filter((d) => /Created/.test(d.name))).toEqual([]);
		expect(text('customers/customers.operations.ts')).toContain(
			`import { ${pageName} } from '../models/orders-get-output.schema.ts';`,
		);
		expect(outputShape(result.files).inlineDuplicates).toBe(0);
		// The generated modules load (no import cycle) and every operation is there.
		const registry = await loadGenerated(outDir);
		expect(registry.operations()).toHaveLength(result.operations);
		expect(result.operations).toBe(3 + RESOURCES.length * 5);
	});

	test(`a tag of more than ${SPLIT_OVER} operations is split into one file per resource`, async () => {
		const { result } = await importReadable();
		const operationFiles = result.files
			.map((f) => f.path)
			.filter((p) => p.endsWith('.operations.ts'));
		expect(operationFiles).toEqual(
			[
				'customers/customers.operations.ts',
				...RESOURCES.map((r) => `orders/${r}.operations.ts`).sort(),
				'orders/orders.operations.ts',
			].sort(),
		);
		expect(
			result.files
				.find((f) => f.path === 'orders/refunds.operations.ts')!
				.text.match(/define(Query|Command)\(/g),
		).toHaveLength(5);
	});

	test('long names keep their first and last words; only real renames are reported', async () => {
		const { result, declarations } = await importReadable();
		expect(Math.max(...declarations.map((d) => d.name.length))).toBeLessThanOrEqual(48);
		expect(declarations.map((d) => d.name)).toContain(
			'PostCustomersFinancialConnectionsPermissionsItem',
		);
		// `simple-user` -> SimpleUser is the naming rule, not a rename; shortening is one.
		expect(result.report.filter((e) => e.category === 'renamed')).toEqual([
			expect.objectContaining({
				path: '#/components/schemas/SubscriptionPaymentMethodOptionsUsBankAccountFinancialConnectionsPermissions',
				message:
					'schema "SubscriptionPaymentMethodOptionsUsBankAccountFinancialConnectionsPermissions" is named SubscriptionPaymentConnectionsPermissions (SubscriptionPaymentMethodOptionsUsBankAccountFinancialConnectionsPermissions is longer than 48 characters: its middle words are left out)',
			}),
		]);
	});

	test('the shortening rule', () => {
		expect(shortName('ShortEnough')).toBe('ShortEnough');
		expect(
			shortName(
				'WebhookDeploymentStatusCreatedDeploymentStatusPerformedViaGithubAppPermissionsOrganizationSelfHostedRunners',
			),
		).toBe('WebhookDeploymentOrganizationSelfHostedRunners');
		expect(shortName('A'.repeat(60))).toBe('A'.repeat(48));
	});
});
