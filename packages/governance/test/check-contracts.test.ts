import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineEnum, defineSchemaModel, ScalarTypeEnum as S } from '@charter/schema';
import {
	type ContractSpec,
	createRegistry,
	defineCommand,
	defineEvent,
	defineFeature,
	defineQuery,
	type RegistryEntry,
} from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { checkContracts, findingsFromLoadProblems } from '../src/index.ts';

const repo = resolve(import.meta.dirname, '../../..');

/** Loads the seed's source as written, its imports pointed at Charter and the example models. */
async function loadSeed(): Promise<ContractSpec> {
	const source = readFileSync(
		join(repo, 'packages/spec/test/fixtures/seed-pause.source.txt'),
		'utf8',
	)
		.replace("'@charter/spec'", `'${join(repo, 'packages/spec/src/index.ts')}'`)
		.replace("'@charter/schema'", `'${join(repo, 'packages/schema/src/index.ts')}'`)
		.replace(
			"'./instance.enum'",
			`'${join(repo, 'examples/workflow-system/src/instance/instance.enum.ts')}'`,
		)
		.replace(
			"'./instance.schema'",
			`'${join(repo, 'examples/workflow-system/src/instance/instance.schema.ts')}'`,
		);
	const file = join(mkdtempSync(join(tmpdir(), 'charter-seed-')), 'seed.operations.ts');
	writeFileSync(file, source);
	const module = (await import(file)) as { PauseWorkflowContract: ContractSpec };
	return module.PauseWorkflowContract;
}

const Input = defineSchemaModel({
	name: 'ThingInput',
	fields: {
		id: { type: S.ID(), isOptional: false },
		size: { type: S.Int({ minimum: 1 }), isOptional: true },
	},
});
const Status = defineEnum('ThingStatus', ['OPEN', 'CLOSED']);
const Output = defineSchemaModel({
	name: 'Thing',
	fields: {
		id: { type: S.ID(), isOptional: false },
		status: { type: Status, isOptional: false },
		tags: { type: S.String(), isArray: true, isOptional: false },
	},
});

function thing(overrides: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) {
	return defineCommand({
		meta: {
			key: 'shop.thing.update',
			version: '1.0.0',
			stability: 'stable',
			owners: ['@shop'],
			description: 'Updates a thing.',
			goal: 'Keep things current.',
			...meta,
		},
		io: { input: Input, output: Output },
		policy: { auth: 'user' },
		...overrides,
	} as Parameters<typeof defineCommand>[0]);
}

const entries = (...specs: ContractSpec[]): RegistryEntry[] =>
	specs.map((spec, i) => ({ spec, file: `src/c${i}.ts` }));
const ids = (specs: ContractSpec[], rules = {}) =>
	checkContracts(entries(...specs), { rules }).map((f) => `${f.ruleId}:${f.severity}`);

describe('charter check rules', () => {
	it("flags the seed's example output status 'paused', which is not an InstanceStatus", async () => {
		const findings = checkContracts(entries(await loadSeed()));
		expect(findings).toEqual([
			expect.objectContaining({
				ruleId: 'example-output-valid',
				severity: 'error',
				key: 'workflow.instance.pause',
				field: 'acceptance.examples[0].output.status',
			}),
		]);
		expect(findings[0]!.message).toContain('"paused"');
		expect(findings[0]!.message).toContain('PAUSED');
	});

	it('passes the corrected example contract of the workflow system', async () => {
		const { PauseWorkflowContract } = await import(
			'../../../examples/workflow-system/src/instance/instance.operations.ts'
		);
		expect(checkContracts(entries(PauseWorkflowContract))).toEqual([]);
	});

	it('accepts a clean contract', () => {
		expect(ids([thing()])).toEqual([]);
	});

	it('flags malformed key, version and stability on contracts that bypass define*', () => {
		const good = thing();
		const bad = {
			...good,
			meta: { ...good.meta, key: 'Shop.Thing', version: '1.0', stability: 'gold' },
		};
		expect(ids([bad as ContractSpec])).toEqual(
			expect.arrayContaining(['key-format:error', 'semver-version:error', 'stability-value:error']),
		);
	});

	it('flags a key@version defined twice', () => {
		expect(ids([thing(), thing()])).toContain('unique-key-version:error');
	});

	it('requires owners: an error when stable, a warning otherwise', () => {
		expect(ids([thing({}, { owners: [] })])).toEqual(['owners-required:error']);
		expect(ids([thing({}, { owners: [], stability: 'beta' })])).toEqual([
			'owners-required:warning',
		]);
	});

	it('warns on a missing description and goal', () => {
		expect(ids([thing({}, { description: undefined, goal: '' })])).toEqual([
			'description-required:warning',
			'goal-required:warning',
		]);
	});

	it('flags generated placeholders left in texts, models and errors, with where they are', () => {
		const Draft = defineSchemaModel({
			name: 'DraftInput',
			description: 'TODO: describe the input.',
			fields: { id: { type: S.ID(), isOptional: false } },
		});
		const findings = checkContracts([
			{
				spec: thing(
					{
						io: { input: Draft, output: Output },
						errors: { NOT_FOUND: { status: 404, description: 'TODO: when this error happens.' } },
					},
					{ goal: 'TODO: why callers need it.' },
				),
			},
		]).filter((f) => f.ruleId === 'no-placeholder');
		expect(findings.map((f) => `${f.field}:${f.severity}`).sort()).toEqual([
			'errors.NOT_FOUND.description:warning',
			'io.input.description:warning',
			'meta.goal:warning',
		]);
		// A TODO that is not a generated placeholder ("TODO list") is prose, not a finding.
		expect(ids([thing({}, { description: 'Adds an item to a TODO list.' })])).toEqual([]);
	});

	it('requires a reason and a replacement or sunset on deprecated contracts', () => {
		const complete = (ids: string[]) => ids.filter((id) => id.startsWith('deprecation-complete'));
		expect(complete(ids([thing({}, { stability: 'deprecated' })]))).toEqual([
			'deprecation-complete:error',
		]);
		expect(
			complete(
				ids([
					thing(
						{},
						{ stability: 'deprecated', deprecation: { reason: 'old', sunset: '2027-01-01' } },
					),
				]),
			),
		).toEqual([]);
		expect(
			complete(
				ids([
					thing({}, { stability: 'deprecated', deprecation: { reason: 'old', sunset: 'soon' } }),
				]),
			),
		).toEqual(['deprecation-complete:error']);
	});

	it('lists deprecated contracts, warns ahead of their sunset and fails past it', () => {
		const at = (sunset: string | undefined, now: string, sunsetWarningDays?: number) =>
			checkContracts(
				entries(
					thing(
						{},
						{
							stability: 'deprecated',
							deprecation: { reason: 'old', replacedBy: 'shop.thing.edit', sunset },
						},
					),
				),
				{ now: new Date(now), ...(sunsetWarningDays ? { sunsetWarningDays } : {}) },
			).map((f) => `${f.ruleId}:${f.severity} ${f.message}`);
		expect(at('2027-06-01', '2026-12-01')).toEqual([
			'deprecated-contract:info deprecated, sunset 2027-06-01 (in 182 day(s)), replaced by shop.thing.edit',
		]);
		expect(at('2026-12-20', '2026-12-01')).toEqual([
			'deprecated-contract:warning deprecated, sunset 2026-12-20 (in 19 day(s)), replaced by shop.thing.edit',
		]);
		expect(at('2027-01-20', '2026-12-01', 60)).toEqual([
			'deprecated-contract:warning deprecated, sunset 2027-01-20 (in 50 day(s)), replaced by shop.thing.edit',
		]);
		expect(at('2026-11-01', '2026-12-01')).toEqual([
			'sunset-passed:error its sunset 2026-11-01 has passed (30 day(s) ago): remove it, replaced by shop.thing.edit',
		]);
		expect(at(undefined, '2026-12-01')).toEqual([
			'deprecated-contract:info deprecated, no sunset date, replaced by shop.thing.edit',
		]);
	});

	it('validates example inputs, rejecting missing, mistyped and undeclared fields', () => {
		const spec = thing({
			acceptance: {
				examples: [
					{ key: 'bad', input: { size: 0, colour: 'red' }, output: { id: 'x' } },
					{ key: 'good', input: { id: 'a', size: 2 }, output: { status: 'OPEN', tags: ['x'] } },
				],
			},
		});
		const findings = checkContracts(entries(spec));
		expect(findings.map((f) => [f.ruleId, f.field])).toEqual(
			expect.arrayContaining([
				['example-input-valid', 'acceptance.examples[0].input.id'],
				['example-input-valid', 'acceptance.examples[0].input.size'],
				['example-input-valid', 'acceptance.examples[0].input.colour'],
			]),
		);
		expect(findings).toHaveLength(3);
	});

	it('validates example outputs as partials, deep inside lists too', () => {
		const spec = thing({
			acceptance: {
				examples: [{ key: 'o', input: { id: 'a' }, output: { tags: ['ok', 3], extra: true } }],
			},
		});
		expect(
			checkContracts(entries(spec))
				.map((f) => f.field)
				.sort(),
		).toEqual(['acceptance.examples[0].output.extra', 'acceptance.examples[0].output.tags.1']);
	});

	it('flags emitted events that are neither declared nor registered, and unknown audit records', () => {
		const spec = thing({
			sideEffects: {
				emits: [{ key: 'shop.thing.updated', version: '1.0.0' }],
				audit: ['shop.thing.gone'],
			},
		});
		expect(ids([spec])).toEqual(['emitted-event-declared:error', 'audited-event-declared:error']);
		const event = defineEvent({
			meta: {
				key: 'shop.thing.updated',
				version: '1.0.0',
				description: 'Updated.',
				owners: ['@shop'],
			},
			payload: Output,
		});
		const ok = thing({
			sideEffects: {
				emits: [{ key: 'shop.thing.updated', version: '1.0.0' }],
				audit: ['shop.thing.updated'],
			},
		});
		expect(ids([ok, event])).toEqual([]);
	});

	it('flags feature members that do not resolve', () => {
		const feature = defineFeature({
			meta: { key: 'shop', version: '1.0.0', owners: ['@shop'] },
			operations: [{ key: 'shop.thing.missing', version: '1.0.0' }],
		});
		expect(ids([feature])).toEqual(['feature-member-exists:error']);
	});

	it('flags REST, GraphQL and MCP wire-name collisions between different keys', () => {
		const a = thing();
		const b = thing(
			{
				transport: {
					rest: { path: '/v1/shop/thing/update' },
					graphql: { field: 'shopThingUpdate' },
					mcp: { tool: 'shop_thing_update' },
				},
			},
			{ key: 'shop.item.update' },
		);
		const findings = checkContracts(entries(a, b));
		expect(findings.map((f) => [f.ruleId, f.key, f.field])).toEqual([
			['wire-name-unique', 'shop.item.update', 'transport.rest'],
			['wire-name-unique', 'shop.item.update', 'transport.graphql'],
			['wire-name-unique', 'shop.item.update', 'transport.mcp'],
		]);
	});

	it('flags a REST route that differs from another only by a trailing slash', () => {
		const b = thing(
			{ transport: { rest: { path: '/v1/shop/thing/update/' } } },
			{ key: 'shop.item.update' },
		);
		const findings = checkContracts(entries(thing(), b));
		expect(findings.map((f) => [f.ruleId, f.key, f.field])).toEqual([
			['wire-name-unique', 'shop.item.update', 'transport.rest'],
		]);
	});

	it('lets minor versions of one key share their wire names', () => {
		expect(ids([thing(), thing({}, { version: '1.1.0' })])).toEqual([]);
	});

	it('requires REST path parameters to be required input fields', () => {
		expect(ids([thing({ transport: { rest: { path: '/v1/things/{id}' } } })])).toEqual([]);
		expect(ids([thing({ transport: { rest: { path: '/v1/things/{thingId}' } } })])).toEqual([
			'path-parameter-in-input:error',
		]);
		expect(ids([thing({ transport: { rest: { path: '/v1/things/{size}' } } })])).toEqual([
			'path-parameter-in-input:error',
		]);
	});

	it('flags an operation without a policy', () => {
		const spec = {
			...defineQuery({
				meta: thing().meta,
				io: { input: Input, output: Output },
				policy: { auth: 'user' },
			}),
		};
		delete (spec as { policy?: unknown }).policy;
		expect(ids([spec as ContractSpec])).toContain('policy-declared:error');
	});

	it('applies per-project overrides and rejects unknown rule ids', () => {
		const spec = thing({}, { description: '' });
		expect(ids([spec], { 'description-required': 'error' })).toEqual([
			'description-required:error',
		]);
		expect(ids([spec], { 'description-required': 'off' })).toEqual([]);
		expect(() => ids([spec], { 'no-such-rule': 'off' })).toThrow(
			/unknown check rule "no-such-rule"/,
		);
	});

	it('maps load problems to their rules', () => {
		const findings = findingsFromLoadProblems([
			{
				code: 'CHARTER_INVALID_KEY',
				file: 'a.ts',
				key: 'Bad',
				field: 'meta.key',
				message: 'bad key',
			},
			{ code: 'CHARTER_MODULE_LOAD', file: 'b.ts', message: 'module failed to load' },
			{ code: 'CHARTER_UNKNOWN_EVENT', file: 'c.ts', message: 'found again by the rules' },
		]);
		expect(findings.map((f) => `${f.ruleId}:${f.file}`)).toEqual([
			'key-format:a.ts',
			'contract-loads:b.ts',
		]);
	});

	it('reads references against the registry given', () => {
		const event = defineEvent({
			meta: { key: 'shop.thing.updated', version: '1.0.0' },
			payload: Output,
		});
		const spec = thing({
			sideEffects: { emits: [{ key: 'shop.thing.updated', version: '1.0.0' }] },
		});
		expect(
			checkContracts(entries(spec), { registry: createRegistry([spec, event]) }).map(
				(f) => f.ruleId,
			),
		).toEqual([]);
	});
});
