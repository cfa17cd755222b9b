// Waivers: breaking or dangerous changes a team accepts on purpose, recorded in the repository
// with a reason, the owner who approved them and an expiry date.
import type { DiffFinding } from '../diff/diff-rules.ts';
import { GovernanceError } from '../errors.ts';

/** One accepted change. */
export interface Waiver {
	/** The change's id, as reports print it: `key@version:ruleId:path`. */
	readonly change: string;
	readonly reason: string;
	/** The owner who approved it (a contract owner, e.g. `@team.payments`). */
	readonly approvedBy: string;
	/** Last day the waiver holds (ISO date, `YYYY-MM-DD`); from the next day it is an error. */
	readonly expires: string;
}

/** What applying the waivers gave: the findings, those waived, and the waivers that expired. */
export interface WaiverResult {
	/** The findings with `waiver` set on each one an unexpired waiver accepts. */
	readonly findings: readonly DiffFinding[];
	/** Every unexpired waiver that accepted a finding, with the source it was read from. */
	readonly used: readonly Waiver[];
	/** Waivers past their expiry date: errors, and they accept nothing. */
	readonly expired: readonly Waiver[];
}

/** Gives the id a waiver names a change by: `key@version:ruleId:path`. */
export function changeId(f: Pick<DiffFinding, 'key' | 'version' | 'ruleId' | 'path'>): string {
	return `${f.key}@${f.version}:${f.ruleId}:${f.path}`;
}

/**
 * Checks waivers read from a config or `charter.waivers.json`: each needs a change id, a reason,
 * an approving owner and an expiry date. Throws a {@link GovernanceError} naming every problem.
 */
export function parseWaivers(value: unknown, source: string): Waiver[] {
	if (!Array.isArray(value)) {
		throw new GovernanceError('CHARTER_WAIVERS_INVALID', `${source}: waivers must be a list`);
	}
	const problems: string[] = [];
	value.forEach((w, i) => {
		const at = `${source}: waivers[${i}]`;
		if (typeof w !== 'object' || w === null) {
			problems.push(`${at} must be an object`);
			return;
		}
		const record = w as Record<string, unknown>;
		for (const key of ['change', 'reason', 'approvedBy', 'expires']) {
			if (typeof record[key] !== 'string' || (record[key] as string).trim() === '') {
				problems.push(
					`${at}.${key} is missing (a change id, a reason, an approving owner and an expiry date are required)`,
				);
			}
		}
		if (typeof record.expires === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(record.expires)) {
			problems.push(`${at}.expires "${record.expires}" is not a date (YYYY-MM-DD)`);
		}
	});
	if (problems.length > 0) {
		throw new GovernanceError('CHARTER_WAIVERS_INVALID', problems.join('\n'));
	}
	return value as Waiver[];
}

/** Tells whether a waiver has expired on `now` (it holds through its expiry day, UTC). */
export function isExpired(waiver: Waiver, now: Date): boolean {
	return now.toISOString().slice(0, 10) > waiver.expires;
}

/**
 * Applies waivers to diff findings: an unexpired waiver whose change id matches a finding marks
 * it `waiver` (it no longer fails a run); an expired one accepts nothing and is reported.
 */
export function applyWaivers(
	findings: readonly DiffFinding[],
	waivers: readonly Waiver[],
	now: Date = new Date(),
): WaiverResult {
	const expired = waivers.filter((w) => isExpired(w, now));
	const valid = new Map(waivers.filter((w) => !isExpired(w, now)).map((w) => [w.change, w]));
	const used = new Set<Waiver>();
	const result = findings.map((f) => {
		const waiver = valid.get(changeId(f));
		if (!waiver) return f;
		used.add(waiver);
		return { ...f, waiver };
	});
	return { findings: result, used: [...used], expired };
}
