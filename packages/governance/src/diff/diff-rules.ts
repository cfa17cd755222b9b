import type { DiffSeverity } from './severity.ts';
import type { SurfaceVerdicts } from './surfaces/surfaces.ts';

export { DIFF_SEVERITIES, type DiffSeverity, type Direction, severityRank } from './severity.ts';

interface TypeRule {
	readonly request: DiffSeverity;
	readonly response: DiffSeverity;
	readonly summary: string;
}

/**
 * Type-level rules: the severity depends on the direction. Request data (input) may widen
 * freely; response data (output, error data, event payloads) may narrow freely.
 */
export const TYPE_DIFF_RULES = {
	'field-removed': { request: 'breaking', response: 'breaking', summary: 'A field was removed.' },
	'required-field-added': {
		request: 'breaking',
		response: 'safe',
		summary: 'A required field without a default was added.',
	},
	'optional-field-added': {
		request: 'safe',
		response: 'safe',
		summary: 'An optional field (or a required one with a default) was added.',
	},
	'field-made-required': {
		request: 'breaking',
		response: 'safe',
		summary: 'An optional field became required.',
	},
	'field-made-optional': {
		request: 'safe',
		response: 'breaking',
		summary: 'A required field became optional.',
	},
	'nullable-added': { request: 'safe', response: 'breaking', summary: 'A field now allows null.' },
	'nullable-removed': {
		request: 'breaking',
		response: 'safe',
		summary: 'A field no longer allows null.',
	},
	'type-changed': {
		request: 'breaking',
		response: 'breaking',
		summary: 'A type changed incompatibly.',
	},
	'type-widened': {
		request: 'safe',
		response: 'breaking',
		summary: 'A type accepts more values (int to float, enum to string, union member added).',
	},
	'type-narrowed': {
		request: 'breaking',
		response: 'safe',
		summary: 'A type accepts fewer values.',
	},
	'type-renamed': {
		request: 'dangerous',
		response: 'dangerous',
		summary: 'A named type (model, enum, union) was renamed: generated type names change.',
	},
	'schema-changed': {
		request: 'breaking',
		response: 'breaking',
		summary: 'An imported JSON Schema changed; it cannot be compared structurally.',
	},
	'enum-value-added': {
		request: 'safe',
		response: 'dangerous',
		summary: 'An enum value was added.',
	},
	'enum-value-removed': {
		request: 'breaking',
		response: 'safe',
		summary: 'An enum value was removed.',
	},
	'constraint-tightened': {
		request: 'breaking',
		response: 'safe',
		summary: 'A constraint (min, max, length, pattern, format, items) was tightened.',
	},
	'constraint-loosened': {
		request: 'safe',
		response: 'dangerous',
		summary: 'A constraint was loosened.',
	},
	'constraint-changed': {
		request: 'breaking',
		response: 'dangerous',
		summary: 'A constraint changed in a way that is neither tighter nor looser (a new pattern).',
	},
	'default-changed': { request: 'dangerous', response: 'info', summary: 'A default changed.' },
	'default-removed': { request: 'dangerous', response: 'info', summary: 'A default was removed.' },
	'default-added': { request: 'info', response: 'info', summary: 'A default was added.' },
	'field-deprecated': { request: 'info', response: 'info', summary: 'A field was deprecated.' },
	'description-changed': {
		request: 'info',
		response: 'info',
		summary: 'A type or field description changed.',
	},
} as const satisfies Record<string, TypeRule>;

export type TypeDiffRuleId = keyof typeof TYPE_DIFF_RULES;

/** Contract-level rules: one severity each (some are decided case by case, see the diff). */
export const CONTRACT_DIFF_RULES = {
	'contract-removed': {
		severity: 'breaking',
		summary:
			'A contract was removed (breaking without prior deprecation; info once past its sunset).',
	},
	'contract-added': { severity: 'safe', summary: 'A contract was added.' },
	'version-changed': { severity: 'info', summary: 'A contract version changed.' },
	'kind-changed': { severity: 'breaking', summary: 'A contract changed kind.' },
	'rest-route-changed': { severity: 'breaking', summary: 'The REST method or path changed.' },
	'graphql-field-changed': { severity: 'breaking', summary: 'The GraphQL field name changed.' },
	'mcp-tool-changed': { severity: 'breaking', summary: 'The MCP tool name changed.' },
	'rest-wire-changed': {
		severity: 'breaking',
		summary:
			'A field moved between the body, the query, headers and cookies, the body field or the success status changed, or a body media type was dropped (safe when one is added).',
	},
	'auth-tightened': {
		severity: 'breaking',
		summary: 'The policy got stricter (auth level, tenant, custom rule).',
	},
	'auth-loosened': { severity: 'dangerous', summary: 'The policy got more permissive.' },
	'role-added': { severity: 'breaking', summary: 'A required role was added.' },
	'role-removed': { severity: 'dangerous', summary: 'A required role was removed.' },
	'permission-added': { severity: 'breaking', summary: 'A required permission was added.' },
	'permission-removed': { severity: 'dangerous', summary: 'A required permission was removed.' },
	'error-added': { severity: 'dangerous', summary: 'A declared error was added.' },
	'error-removed': { severity: 'info', summary: 'A declared error was removed.' },
	'error-status-changed': { severity: 'breaking', summary: "A declared error's status changed." },
	'error-data-changed': {
		severity: 'breaking',
		summary: 'A declared error lost its data (breaking) or gained data (dangerous).',
	},
	'event-added': { severity: 'safe', summary: 'An emitted event was added.' },
	'event-removed': { severity: 'breaking', summary: 'An emitted event was removed.' },
	'event-version-changed': {
		severity: 'breaking',
		summary: 'An emitted event changed version (breaking across majors, info otherwise).',
	},
	'stability-lowered': { severity: 'dangerous', summary: 'The stability was lowered.' },
	'stability-raised': { severity: 'info', summary: 'The stability was raised.' },
	'contract-deprecated': { severity: 'info', summary: 'The contract was deprecated.' },
	'deprecation-changed': {
		severity: 'info',
		summary: 'The deprecation notice changed (reason, replacement, a later or a new sunset).',
	},
	'sunset-moved-earlier': {
		severity: 'dangerous',
		summary: 'The sunset date moved earlier: callers have less time than they were told.',
	},
	'deprecation-too-short': {
		severity: 'breaking',
		summary:
			'The sunset is closer than the deprecation period the policy requires (governance.deprecation.minimumDays).',
	},
	'idempotency-changed': {
		severity: 'dangerous',
		summary: 'An idempotent operation is no longer idempotent (info the other way).',
	},
	'feature-member-changed': {
		severity: 'info',
		summary: 'A feature gained or lost a member.',
	},
	'metadata-changed': {
		severity: 'info',
		summary: 'Metadata text changed (description, goal, context, owners, tags, examples).',
	},
} as const satisfies Record<string, { severity: DiffSeverity; summary: string }>;

export type ContractDiffRuleId = keyof typeof CONTRACT_DIFF_RULES;

/** How a contract-level comparison reports one change (the severity when a rule decides case by case). */
export type Emit = (
	ruleId: ContractDiffRuleId,
	path: string,
	message: string,
	extra?: { before?: unknown; after?: unknown; severity?: DiffSeverity },
) => void;
export type DiffRuleId = TypeDiffRuleId | ContractDiffRuleId;

/** One difference between two versions of the contracts. */
export interface DiffFinding {
	readonly ruleId: DiffRuleId;
	readonly severity: DiffSeverity;
	/** `operation`, `event` or `feature`. */
	readonly kind: string;
	readonly key: string;
	/** Version after the change, or the removed version. */
	readonly version: string;
	/** Version in the base, when the contract existed there. */
	readonly baseVersion?: string;
	/** JSON path in the contract: `$.input.reason`, `$.output.items[*].status`. */
	readonly path: string;
	readonly before?: unknown;
	readonly after?: unknown;
	readonly message: string;
	readonly file?: string;
	/** The change's verdict on each surface it reaches; `severity` is the worst on the served ones. */
	readonly surfaces: SurfaceVerdicts;
	/** The waiver that accepts this change: it is reported, and fails no run. */
	readonly waiver?: {
		readonly change: string;
		readonly reason: string;
		readonly approvedBy: string;
		readonly expires: string;
	};
}
