import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileValidator, defineEnum, defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import {
	type ContractSpec,
	checkReferences,
	createRegistry,
	isEventSpec,
	isOperationSpec,
	type OperationSpec,
} from '@charter/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { partialType } from './partial-type.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONTRACT_FILE = /\.(operations|events|feature)\.ts$/;

/** Imports every contract module the config's globs name and collects the contracts they export. */
async function loadContracts(): Promise<ContractSpec[]> {
	const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
		.filter((file) => CONTRACT_FILE.test(file))
		.sort();
	const specs = new Set<ContractSpec>();
	for (const file of files) {
		const module = (await import(pathToFileURL(join(root, 'src', file)).href)) as Record<
			string,
			unknown
		>;
		for (const value of Object.values(module)) {
			const kind = (value as { kind?: unknown } | null)?.kind;
			if (isOperationSpec(value) || isEventSpec(value) || kind === 'feature') {
				specs.add(value as ContractSpec);
			}
		}
	}
	return [...specs];
}

let specs: ContractSpec[] = [];
let operations: OperationSpec[] = [];

beforeAll(async () => {
	specs = await loadContracts();
	operations = specs.filter(isOperationSpec);
});

describe('workflow-system contracts', () => {
	it('register without duplicates and with zero reference issues', () => {
		const registry = createRegistry(specs);
		expect(registry.operations()).toHaveLength(27);
		expect(registry.events()).toHaveLength(21);
		expect(registry.features()).toHaveLength(4);
		expect(checkReferences(registry)).toEqual([]);
	});

	it('belong to a feature, every one of them', () => {
		const members = new Set(
			specs.flatMap((s) =>
				s.kind === 'feature' ? s.members.map((m) => `${m.key}@${m.version}`) : [],
			),
		);
		const orphans = specs
			.filter((s) => s.kind !== 'feature' && !members.has(`${s.meta.key}@${s.meta.version}`))
			.map((s) => s.meta.key);
		expect(orphans).toEqual([]);
	});

	it('all have owners, tags, description, goal and context', () => {
		const incomplete = operations.filter(
			({ meta }) =>
				meta.owners.join() !== '@example.workflow-system' ||
				meta.tags.length === 0 ||
				!meta.description ||
				!meta.goal ||
				!meta.context,
		);
		expect(incomplete.map((s) => s.meta.key)).toEqual([]);
	});

	it('all have a scenario and an example, and every example names a scenario of its contract', () => {
		const problems: string[] = [];
		for (const { meta, acceptance } of operations) {
			const scenarios = new Set(acceptance.scenarios.map((s) => s.key));
			if (scenarios.size === 0) problems.push(`${meta.key}: no scenario`);
			if (!acceptance.examples.some((e) => e.output !== undefined)) {
				problems.push(`${meta.key}: no example with an output`);
			}
			for (const example of acceptance.examples) {
				if (!example.scenario || !scenarios.has(example.scenario)) {
					problems.push(`${meta.key} example ${example.key}: unknown scenario ${example.scenario}`);
				}
				if (example.error && !(example.error in (operationErrors(meta.key) ?? {}))) {
					problems.push(
						`${meta.key} example ${example.key}: error ${example.error} is not declared`,
					);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('have examples whose input is valid and whose output is a valid partial', () => {
		const problems: string[] = [];
		for (const { meta, io, acceptance } of operations) {
			const input = compileValidator(io.input, { unknownKeys: 'reject' });
			const output = compileValidator(partialType(io.output), { unknownKeys: 'reject' });
			for (const example of acceptance.examples) {
				const where = `${meta.key} example ${example.key}`;
				const inputResult = input.validate(structuredClone(example.input));
				if (!inputResult.ok) problems.push(`${where} input: ${JSON.stringify(inputResult.issues)}`);
				if (example.output === undefined) continue;
				const outputResult = output.validate(structuredClone(example.output));
				if (!outputResult.ok)
					problems.push(`${where} output: ${JSON.stringify(outputResult.issues)}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('declare INVALID_STATE as 409 and NOT_FOUND as 404 wherever they declare them', () => {
		const wrong = operations.flatMap(({ meta, errors }) =>
			[
				errors.INVALID_STATE && errors.INVALID_STATE.status !== 409
					? `${meta.key} INVALID_STATE`
					: [],
				errors.NOT_FOUND && errors.NOT_FOUND.status !== 404 ? `${meta.key} NOT_FOUND` : [],
			].flat(),
		);
		expect(wrong).toEqual([]);
	});

	it('require a tenant on every operation', () => {
		expect(operations.filter((s) => s.policy.tenant !== 'required').map((s) => s.meta.key)).toEqual(
			[],
		);
	});

	it('keep the seed pause contract: key, input, output and emitted event', () => {
		const pause = operations.find((s) => s.meta.key === 'workflow.instance.pause');
		if (!pause) throw new Error('workflow.instance.pause is not loaded');
		expect(pause.io.input).toMatchObject({ kind: 'model', name: 'PauseResumeInput' });
		expect(Object.keys((pause.io.input as { fields: object }).fields)).toEqual([
			'instanceId',
			'reason',
		]);
		expect(pause.io.output).toMatchObject({ kind: 'model', name: 'WorkflowInstance' });
		expect(pause.sideEffects.emits).toMatchObject([
			{ key: 'workflow.instance.paused', version: '1.0.0' },
		]);
		expect(pause.policy.auth).toBe('admin');
	});
});

describe('the partial output check', () => {
	const Status = defineEnum('ProbeStatus', ['PAUSED', 'RUNNING']);
	const Probe = defineSchemaModel({
		name: 'Probe',
		fields: {
			id: { type: ScalarTypeEnum.ID(), isOptional: false },
			status: { type: Status, isOptional: false },
			at: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		},
	});
	const check = compileValidator(partialType(Probe), { unknownKeys: 'reject' });

	it('accepts a subset of the fields', () => {
		expect(check.validate({ status: 'PAUSED' }).ok).toBe(true);
	});

	it('rejects the seed mistake: a lowercase enum value', () => {
		expect(check.validate({ status: 'paused' })).toMatchObject({
			ok: false,
			issues: [{ path: '/status', code: 'enum' }],
		});
	});

	it('rejects a misspelled field and a malformed date', () => {
		expect(check.validate({ stauts: 'PAUSED', at: 'yesterday' })).toMatchObject({ ok: false });
	});
});

function operationErrors(key: string) {
	return operations.find((s) => s.meta.key === key)?.errors;
}
