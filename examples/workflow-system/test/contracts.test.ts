import { checkContracts } from '@charter/governance';
import {
	type ContractSpec,
	checkReferences,
	createRegistry,
	isOperationSpec,
	type OperationSpec,
} from '@charter/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowRegistry } from './load-contracts.ts';

let specs: ContractSpec[] = [];
let operations: OperationSpec[] = [];

beforeAll(async () => {
	specs = (await workflowRegistry()).all().map((entry) => entry.spec);
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

	it('pass charter check with no finding: examples valid (outputs as partials), owners, references, wire names', () => {
		const findings = checkContracts(createRegistry(specs).all());
		expect(findings.map((f) => `${f.ruleId} ${f.key} ${f.field ?? ''}: ${f.message}`)).toEqual([]);
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

function operationErrors(key: string) {
	return operations.find((s) => s.meta.key === key)?.errors;
}
