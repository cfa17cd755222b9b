/** Severity of a check finding. */
export type CheckSeverity = 'error' | 'warning' | 'info';

/** What a project may set a rule to in its config: a severity, or `off`. */
export type RuleSetting = CheckSeverity | 'off';

/** A check rule's stable id, default severity and one-line summary (shown in SARIF and docs). */
export interface CheckRule {
	readonly id: string;
	readonly severity: CheckSeverity;
	readonly summary: string;
}

const rule = (id: string, severity: CheckSeverity, summary: string): CheckRule => ({
	id,
	severity,
	summary,
});

/** Every `charter check` rule, by id. Ids are stable: configs and CI baselines refer to them. */
export const CHECK_RULES = {
	'key-format': rule('key-format', 'error', 'Keys are dotted lowercase segments.'),
	'semver-version': rule('semver-version', 'error', 'Versions are semantic versions.'),
	'unique-key-version': rule('unique-key-version', 'error', 'Each key@version is defined once.'),
	'stability-value': rule(
		'stability-value',
		'error',
		'Stability is experimental, beta, stable or deprecated.',
	),
	'owners-required': rule(
		'owners-required',
		'error',
		'Contracts name their owners (an error for stable contracts, a warning otherwise).',
	),
	'description-required': rule('description-required', 'warning', 'Contracts have a description.'),
	'goal-required': rule('goal-required', 'warning', 'Operations state their goal.'),
	'no-placeholder': rule(
		'no-placeholder',
		'warning',
		'No generated placeholder (TODO:) is left in descriptions, goals, errors or examples.',
	),
	'deprecation-complete': rule(
		'deprecation-complete',
		'error',
		'A deprecated contract gives a reason and a replacement or a sunset date.',
	),
	'deprecated-contract': rule(
		'deprecated-contract',
		'info',
		'Each deprecated contract is listed with its sunset (a warning when the sunset is near).',
	),
	'sunset-passed': rule(
		'sunset-passed',
		'error',
		'A deprecated contract is still defined after its sunset date.',
	),
	'example-input-valid': rule(
		'example-input-valid',
		'error',
		"Each acceptance example's input validates against the input schema.",
	),
	'example-output-valid': rule(
		'example-output-valid',
		'error',
		"Each acceptance example's output validates as a partial of the output schema.",
	),
	'emitted-event-declared': rule(
		'emitted-event-declared',
		'error',
		'Emitted events are declared with a payload or registered.',
	),
	'audited-event-declared': rule(
		'audited-event-declared',
		'error',
		'Audited records are emitted or registered events.',
	),
	'feature-member-exists': rule(
		'feature-member-exists',
		'error',
		"A feature's members are registered contracts.",
	),
	'wire-name-unique': rule(
		'wire-name-unique',
		'error',
		'No two operations share a REST route, GraphQL field or MCP tool.',
	),
	'path-parameter-in-input': rule(
		'path-parameter-in-input',
		'error',
		'Every REST path parameter is a field of the input.',
	),
	'policy-declared': rule('policy-declared', 'error', 'Every operation declares its policy.'),
	'contract-loads': rule(
		'contract-loads',
		'error',
		'Every contract module loads and every contract is well-formed.',
	),
} as const satisfies Record<string, CheckRule>;

export type CheckRuleId = keyof typeof CHECK_RULES;

/** One problem found by `charter check`: where (file, contract, field), what, and which rule. */
export interface CheckFinding {
	readonly ruleId: CheckRuleId;
	readonly severity: CheckSeverity;
	readonly file?: string;
	readonly key?: string;
	readonly version?: string;
	readonly field?: string;
	readonly message: string;
}
