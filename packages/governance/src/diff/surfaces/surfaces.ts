// The surfaces a change can break, and how one verdict per surface becomes a finding's severity.
import { DIFF_SEVERITIES, type DiffSeverity } from '../severity.ts';

/**
 * Where consumers meet a contract: the REST wire (curl, hand-written clients), clients
 * generated from the OpenAPI document, GraphQL (queries, mutations, subscriptions), MCP tools,
 * events (CloudEvents consumers of the bus), and the TypeScript SDK `charter generate client` writes.
 */
export type Surface = 'rest' | 'openapi' | 'graphql' | 'mcp' | 'events' | 'sdk';

/** Every surface, in report order. */
export const SURFACES: readonly Surface[] = ['rest', 'openapi', 'graphql', 'mcp', 'events', 'sdk'];

/** A change's verdict on each surface it reaches; a surface it does not reach is absent. */
export type SurfaceVerdicts = Readonly<Partial<Record<Surface, DiffSeverity>>>;

/** Gives the worst severity of the verdicts on the served surfaces; `info` when none is served. */
export function worstServed(verdicts: SurfaceVerdicts, served: readonly Surface[]): DiffSeverity {
	let worst = DIFF_SEVERITIES.length - 1;
	for (const surface of served) {
		const verdict = verdicts[surface];
		if (verdict !== undefined) worst = Math.min(worst, DIFF_SEVERITIES.indexOf(verdict));
	}
	return DIFF_SEVERITIES[worst]!;
}

/** The same verdict on each of the given surfaces. */
export function on(surfaces: readonly Surface[], severity: DiffSeverity): SurfaceVerdicts {
	return Object.fromEntries(surfaces.map((s) => [s, severity]));
}

/** The surfaces an operation is served on. */
export const OPERATION_SURFACES: readonly Surface[] = ['rest', 'openapi', 'graphql', 'mcp', 'sdk'];

/** The surfaces an event reaches: the bus and GraphQL subscriptions. */
export const EVENT_SURFACES: readonly Surface[] = ['events', 'graphql'];
