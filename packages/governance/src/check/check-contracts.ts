import { ContractRegistry, type RegistryEntry } from '@charter/spec';
import { GovernanceError } from '../errors.ts';
import type { CheckContext } from './check-context.ts';
import {
	CHECK_RULES,
	type CheckFinding,
	type CheckRuleId,
	type RuleSetting,
} from './check-rules.ts';
import { checkExamples } from './example-rules.ts';
import { checkMeta } from './meta-rules.ts';
import { checkPlaceholders } from './placeholder-rules.ts';
import { checkReferences, checkWire } from './reference-rules.ts';
import { checkSunsets, SUNSET_WARNING_DAYS } from './sunset-rules.ts';

/** Options of {@link checkContracts}. */
export interface CheckOptions {
	/** Per-rule overrides from the project config: a severity, or `off`. */
	readonly rules?: Readonly<Record<string, RuleSetting>>;
	/** The registry that references resolve against; built from the entries when absent. */
	readonly registry?: ContractRegistry;
	/** Today, for sunset dates; the current time by default. */
	readonly now?: Date;
	/** How many days ahead of a sunset a deprecated contract becomes a warning (30 by default). */
	readonly sunsetWarningDays?: number;
}

/**
 * Runs every check rule over a list of contracts (which may hold duplicates, unlike a
 * registry) and gives the findings, sorted by file, key and field.
 *
 * @example
 * const findings = checkContracts(registry.all(), { rules: config.rules });
 */
export function checkContracts(
	entries: readonly RegistryEntry[],
	options: CheckOptions = {},
): CheckFinding[] {
	const unknown = Object.keys(options.rules ?? {}).filter((id) => !(id in CHECK_RULES));
	if (unknown.length > 0) {
		throw new GovernanceError(
			'CHARTER_UNKNOWN_RULE',
			`unknown check rule ${unknown.map((id) => `"${id}"`).join(', ')} in the config; known rules: ${Object.keys(CHECK_RULES).join(', ')}`,
		);
	}
	const findings: CheckFinding[] = [];
	const ctx: CheckContext = {
		entries,
		report(ruleId, entry, field, message, severity) {
			const setting = options.rules?.[ruleId];
			if (setting === 'off') return;
			const spec = entry?.spec;
			findings.push({
				ruleId,
				severity: setting ?? severity ?? CHECK_RULES[ruleId].severity,
				...(entry?.file ? { file: entry.file } : {}),
				...(typeof spec?.meta?.key === 'string' ? { key: spec.meta.key } : {}),
				...(typeof spec?.meta?.version === 'string' ? { version: spec.meta.version } : {}),
				...(field ? { field } : {}),
				message,
			});
		},
	};
	checkMeta(ctx);
	checkPlaceholders(ctx);
	checkExamples(ctx);
	checkReferences(ctx, options.registry ?? registryOf(entries));
	checkWire(ctx);
	checkSunsets(ctx, options.now ?? new Date(), options.sunsetWarningDays ?? SUNSET_WARNING_DAYS);
	return findings.sort(compareFindings);
}

function registryOf(entries: readonly RegistryEntry[]): ContractRegistry {
	const registry = new ContractRegistry();
	for (const entry of entries) {
		try {
			registry.register(entry.spec, entry);
		} catch {
			// Duplicates are reported by the unique-key-version rule.
		}
	}
	return registry;
}

function compareFindings(a: CheckFinding, b: CheckFinding): number {
	const ka = `${a.file ?? ''}\u0000${a.key ?? ''}\u0000${a.version ?? ''}`;
	const kb = `${b.file ?? ''}\u0000${b.key ?? ''}\u0000${b.version ?? ''}`;
	return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A problem met while loading contracts, as the CLI's project loader reports it. */
export interface LoadProblem {
	readonly code: string;
	readonly file?: string;
	readonly key?: string;
	readonly field?: string;
	readonly message: string;
}

const LOAD_CODES: Readonly<Record<string, CheckRuleId>> = {
	CHARTER_INVALID_KEY: 'key-format',
	CHARTER_INVALID_VERSION: 'semver-version',
	CHARTER_DUPLICATE_CONTRACT: 'unique-key-version',
	CHARTER_INVALID_STABILITY: 'stability-value',
	CHARTER_INVALID_POLICY: 'policy-declared',
	CHARTER_UNKNOWN_EVENT: 'emitted-event-declared',
	CHARTER_UNKNOWN_AUDIT_EVENT: 'audited-event-declared',
	CHARTER_UNKNOWN_FEATURE_MEMBER: 'feature-member-exists',
};

/** Codes whose problems {@link checkContracts} finds again by itself on the loaded contracts. */
const RECHECKED = new Set([
	'CHARTER_UNKNOWN_EVENT',
	'CHARTER_UNKNOWN_AUDIT_EVENT',
	'CHARTER_UNKNOWN_FEATURE_MEMBER',
]);

/**
 * Turns load problems (a contract that throws at definition, a duplicate key@version, a
 * module that fails to import) into check findings under the matching rule.
 */
export function findingsFromLoadProblems(
	problems: readonly LoadProblem[],
	rules: Readonly<Record<string, RuleSetting>> = {},
): CheckFinding[] {
	const findings: CheckFinding[] = [];
	for (const p of problems) {
		if (RECHECKED.has(p.code)) continue;
		const ruleId = LOAD_CODES[p.code] ?? 'contract-loads';
		const setting = rules[ruleId];
		if (setting === 'off') continue;
		findings.push({
			ruleId,
			severity: setting ?? CHECK_RULES[ruleId].severity,
			...(p.file ? { file: p.file } : {}),
			...(p.key ? { key: p.key } : {}),
			...(p.field ? { field: p.field } : {}),
			message: `${p.message} [${p.code}]`,
		});
	}
	return findings;
}
