import type { FeatureSpec } from '../features/define-feature.ts';
import type { OperationSpec } from '../operations/operation-types.ts';
import type { ContractRegistry, RegistryEntry } from './contract-registry.ts';

/** A reference that does not resolve. */
export interface ReferenceIssue {
	readonly code: 'unknown-event' | 'unknown-feature-member' | 'unknown-audit-event';
	readonly key: string;
	readonly version: string;
	readonly file?: string;
	readonly field: string;
	readonly message: string;
}

/**
 * Checks that references resolve: every emitted event is declared inline with a payload or
 * registered; every audited key is emitted or registered; every feature member exists. The
 * one reference check: the CLI's loader and governance's `charter check` rules both use it.
 * `entries` are the contracts to check (every operation and feature of the registry by
 * default); their references are resolved against `registry`.
 */
export function checkReferences(
	registry: ContractRegistry,
	entries: Iterable<RegistryEntry> = [...registry.operations(), ...registry.features()],
): ReferenceIssue[] {
	const issues: ReferenceIssue[] = [];
	for (const entry of entries) {
		const { kind } = entry.spec;
		if (kind === 'command' || kind === 'query') {
			operationIssues(registry, entry as RegistryEntry<OperationSpec>, issues);
		} else if (kind === 'feature') {
			featureIssues(registry, entry as RegistryEntry<FeatureSpec>, issues);
		}
	}
	return issues;
}

/** Where an issue is: the contract's key, version and file. */
function placeOf({ spec, file }: RegistryEntry) {
	return { key: spec.meta.key, version: spec.meta.version, ...(file ? { file } : {}) };
}

function operationIssues(
	registry: ContractRegistry,
	entry: RegistryEntry<OperationSpec>,
	issues: ReferenceIssue[],
): void {
	// Governance checks contracts as loaded, malformed ones included: read defensively.
	const emits = entry.spec.sideEffects?.emits ?? [];
	emits.forEach((emit, index) => {
		if (!emit.payload && !registry.get('event', emit.key, emit.version)) {
			issues.push({
				...placeOf(entry),
				code: 'unknown-event',
				field: `sideEffects.emits[${index}]`,
				message: `event ${emit.key}@${emit.version} is neither declared with a payload nor registered`,
			});
		}
	});
	(entry.spec.sideEffects?.audit ?? []).forEach((audited, index) => {
		if (!emits.some((e) => e.key === audited) && !registry.latest('event', audited)) {
			issues.push({
				...placeOf(entry),
				code: 'unknown-audit-event',
				field: `sideEffects.audit[${index}]`,
				message: `audit record ${audited} is neither an emitted event nor a registered one`,
			});
		}
	});
}

function featureIssues(
	registry: ContractRegistry,
	entry: RegistryEntry<FeatureSpec>,
	issues: ReferenceIssue[],
): void {
	entry.spec.members.forEach((member, index) => {
		if (!registry.get(member.kind, member.key, member.version)) {
			issues.push({
				...placeOf(entry),
				code: 'unknown-feature-member',
				field: `members[${index}]`,
				message: `${member.kind} ${member.key}@${member.version} is not registered`,
			});
		}
	});
}
