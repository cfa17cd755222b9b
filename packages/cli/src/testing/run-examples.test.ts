import { ContractError, defineApp, implement } from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { createRegistry, defineQuery } from '@charter/spec';
import { defineSqlApp } from '@charter/sql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultExampleStores, runExamples } from './run-examples.ts';

const meta = { version: '1.0.0', owners: ['@t'], description: 'x.' } as const;
const Invoice = defineSchemaModel({
	name: 'Invoice',
	fields: {
		id: f.id(),
		total: f.decimal(),
		lines: f.ref(defineSchemaModel({ name: 'Line', fields: { sku: f.string() } })).array(),
	},
});
const example = { key: 'first', input: { id: 'inv-1' } };
const GetInvoice = defineQuery({
	meta: { ...meta, key: 'billing.invoice.get' },
	io: {
		input: defineSchemaModel({ name: 'GetInvoiceInput', fields: { id: f.id() } }),
		output: Invoice,
	},
	// Signed-in callers only: an unbound handler must not be reported as UNAUTHENTICATED.
	policy: { auth: 'user' },
	acceptance: { examples: [example] },
});
const registry = createRegistry([GetInvoice]);

describe('charter test reports', () => {
	it('an operation with no handler bound as that, not as the policy refusal before it', async () => {
		const [report] = await runExamples(registry, defineApp({ create: () => ({ bindings: [] }) }));
		expect(report).toMatchObject({ operation: 'billing.invoice.get', passed: false });
		expect(report?.reason).toMatch(/^no handler bound for billing\.invoice\.get@1\.0\.0/);
	});

	it('an output that breaks the contract with the JSON pointer of each issue', async () => {
		const app = defineApp({
			create: () => ({
				bindings: [
					// A wrong output on purpose: a number where the contract says a decimal string.
					implement(GetInvoice, async () => ({ id: 'inv-1', total: 12.5, lines: [{}] }) as never),
				],
				fixtures: { first: { principal: { id: 'ada' } } },
			}),
		});
		const [report] = await runExamples(registry, app);
		expect(report?.passed).toBe(false);
		expect(report?.reason).toContain("the handler's output breaks the contract");
		expect(report?.reason).toContain('/total');
		expect(report?.reason).toContain('/lines/0/sku');
	});

	it('the data of a raised error that breaks its declaration as error data, not as output', async () => {
		const Held = defineQuery({
			meta: { ...meta, key: 'billing.invoice.held' },
			io: { input: GetInvoice.io.input, output: Invoice },
			policy: { auth: 'user' },
			errors: {
				HELD: {
					status: 409,
					description: 'On hold.',
					// A Standard Schema (Zod) as the error's data, checked like a native model.
					data: z.object({ until: z.iso.datetime() }),
				},
			},
			acceptance: { examples: [{ key: 'held', input: { id: 'inv-1' }, error: 'HELD' }] },
		});
		const app = defineApp({
			create: () => ({
				bindings: [
					implement(Held, async () => {
						throw new ContractError('HELD', 'on hold', { until: 'tomorrow' });
					}),
				],
				fixtures: { held: { principal: { id: 'ada' } } },
			}),
		});
		const [report] = await runExamples(createRegistry([Held]), app);
		expect(report?.passed).toBe(false);
		expect(report?.reason).toMatch(/the error data of HELD breaks its declaration: \/until /);
		expect(report?.reason).not.toContain('output');
	});

	it('a good handler as passed', async () => {
		const app = defineApp({
			create: () => ({
				bindings: [implement(GetInvoice, async ({ id }) => ({ id, total: '12.50', lines: [] }))],
				fixtures: { first: { principal: { id: 'ada' } } },
			}),
		});
		expect(await runExamples(registry, app)).toEqual([
			{ operation: 'billing.invoice.get', version: '1.0.0', example: 'first', passed: true },
		]);
	});

	it('an app with tables of its own on SQLite in memory: its SQL code runs, a fresh database per example', async () => {
		interface Billing {
			readonly invoices: { readonly id: string; readonly total: string };
		}
		const app = defineSqlApp<Billing>({
			migrations: [
				{
					scope: 'billing',
					migrations: [
						{
							version: 1,
							name: 'invoices',
							up: ({ db }) =>
								db.schema
									.createTable('invoices')
									.addColumn('id', 'text', (c) => c.primaryKey())
									.addColumn('total', 'text', (c) => c.notNull())
									.execute(),
						},
					],
				},
			],
			create: ({ stores }) => ({
				bindings: [
					implement(GetInvoice, async ({ id }) => {
						const row = await stores.db
							.selectFrom('invoices')
							.select('total')
							.where('id', '=', id)
							.executeTakeFirstOrThrow();
						return { id, total: row.total, lines: [] };
					}),
				],
				fixtures: {
					first: {
						principal: { id: 'ada' },
						// Inserted into this example's own database: a second run starts empty again.
						given: async () => {
							await stores.db
								.insertInto('invoices')
								.values({ id: 'inv-1', total: '12.50' })
								.execute();
						},
					},
				},
			}),
		});
		expect(defaultExampleStores(app)).toBe('sqlite');
		const passed = [
			{ operation: 'billing.invoice.get', version: '1.0.0', example: 'first', passed: true },
		];
		expect(await runExamples(registry, app)).toEqual(passed);
		expect(await runExamples(registry, app)).toEqual(passed);
		// Forced onto the memory stores, the app says it needs SQL stores.
		await expect(runExamples(registry, app, { stores: 'memory' })).rejects.toThrow(
			/CHARTER_SQL_STORES_REQUIRED/,
		);
	});
});
