import type { ContractSpec, RegistryEntry } from '@charter/spec';
import type { CheckFinding, CheckRuleId, CheckSeverity } from './check-rules.ts';

/** What a rule group receives: the contracts, and a way to report against one of them. */
export interface CheckContext {
	readonly entries: readonly RegistryEntry[];
	report(
		ruleId: CheckRuleId,
		entry: RegistryEntry | undefined,
		field: string | undefined,
		message: string,
		severity?: CheckSeverity,
	): void;
}

/** Gives the `key@version` label of a contract, tolerating malformed metadata. */
export function labelOf(spec: ContractSpec): string {
	return `${String(spec.meta?.key)}@${String(spec.meta?.version)}`;
}

export type { CheckFinding };
