/** How much a change hurts consumers. */
export type DiffSeverity = 'breaking' | 'dangerous' | 'safe' | 'info';

/** Which way data flows: a consumer sends request data and receives response data. */
export type Direction = 'request' | 'response';

/** Severities in order, worst first. */
export const DIFF_SEVERITIES: readonly DiffSeverity[] = ['breaking', 'dangerous', 'safe', 'info'];

/** Gives the rank of a severity, 0 for the worst. */
export function severityRank(severity: DiffSeverity): number {
	return DIFF_SEVERITIES.indexOf(severity);
}
