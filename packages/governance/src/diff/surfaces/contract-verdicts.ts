// Which surfaces a contract-level change reaches: each rule names the surfaces it concerns.
import type { ContractDiffRuleId, DiffSeverity } from '../diff-rules.ts';
import {
	EVENT_SURFACES,
	OPERATION_SURFACES,
	on,
	type Surface,
	type SurfaceVerdicts,
} from './surfaces.ts';

/** Surfaces that see an HTTP status or a REST route: the wire, clients generated from it, the SDK. */
const HTTP: readonly Surface[] = ['rest', 'openapi', 'sdk'];

/** The surfaces each rule concerns when it is not the whole contract's. */
const REACH: Partial<Record<ContractDiffRuleId, readonly Surface[]>> = {
	'rest-route-changed': HTTP,
	'rest-wire-changed': HTTP,
	'graphql-field-changed': ['graphql'],
	'mcp-tool-changed': ['mcp'],
	'event-added': EVENT_SURFACES,
	'event-removed': EVENT_SURFACES,
	'event-version-changed': EVENT_SURFACES,
};

/**
 * Gives a contract-level change its verdict on each surface it reaches: the rule's own
 * surfaces, or every surface of the contract (operations are served on REST, OpenAPI,
 * GraphQL, MCP and the SDK; events on the bus and GraphQL subscriptions).
 */
export function contractVerdicts(
	ruleId: ContractDiffRuleId,
	kind: string,
	path: string,
	severity: DiffSeverity,
): SurfaceVerdicts {
	// A status is HTTP's; GraphQL and MCP carry it only inside the problem, beside the same code.
	if (ruleId === 'error-status-changed' && path.endsWith('.status')) {
		return { ...on(OPERATION_SURFACES, severity), graphql: 'dangerous', mcp: 'dangerous' };
	}
	const reach = REACH[ruleId] ?? (kind === 'event' ? EVENT_SURFACES : OPERATION_SURFACES);
	return on(reach, severity);
}
