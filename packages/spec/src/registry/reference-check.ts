import type { ContractRegistry } from './contract-registry.ts';

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
 * registered; every audited key is emitted or registered; every feature member exists.
 */
export function checkReferences(registry: ContractRegistry): ReferenceIssue[] {
	const issues: ReferenceIssue[] = [];
	for (const { spec, file } of registry.operations()) {
		const { key, version } = spec.meta;
		const at = { key, version, ...(file ? { file } : {}) };
		spec.sideEffects.emits.forEach((emit, index) => {
			if (!emit.payload && !registry.get('event', emit.key, emit.version)) {
				issues.push({
					...at,
					code: 'unknown-event',
					field: `sideEffects.emits[${index}]`,
					message: `event ${emit.key}@${emit.version} is neither declared with a payload nor registered`,
				});
			}
		});
		spec.sideEffects.audit.forEach((audited, index) => {
			const emitted = spec.sideEffects.emits.some((e) => e.key === audited);
			if (!emitted && !registry.latest('event', audited)) {
				issues.push({
					...at,
					code: 'unknown-audit-event',
					field: `sideEffects.audit[${index}]`,
					message: `audit record ${audited} is neither an emitted event nor a registered one`,
				});
			}
		});
	}
	for (const { spec, file } of registry.features()) {
		spec.members.forEach((member, index) => {
			if (!registry.get(member.kind, member.key, member.version)) {
				issues.push({
					key: spec.meta.key,
					version: spec.meta.version,
					...(file ? { file } : {}),
					code: 'unknown-feature-member',
					field: `members[${index}]`,
					message: `${member.kind} ${member.key}@${member.version} is not registered`,
				});
			}
		});
	}
	return issues;
}
