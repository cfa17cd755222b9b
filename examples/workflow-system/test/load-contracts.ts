import type { ContractSpec } from '@charter/spec';

const MODULES = [
	'../src/definition/definition.operations.ts',
	'../src/definition/definition.events.ts',
	'../src/instance/instance.operations.ts',
	'../src/instance/instance.events.ts',
	'../src/approval/approval.operations.ts',
	'../src/approval/approval.events.ts',
	'../src/timer/timer.operations.ts',
];

/** Imports the example's operation and event modules and collects their contracts. */
export async function workflowContracts(): Promise<ContractSpec[]> {
	const specs = new Set<ContractSpec>();
	for (const path of MODULES) {
		const module = (await import(path)) as Record<string, unknown>;
		for (const value of Object.values(module)) {
			const kind = (value as { kind?: unknown } | null)?.kind;
			if (kind === 'command' || kind === 'query' || kind === 'event')
				specs.add(value as ContractSpec);
		}
	}
	return [...specs];
}
