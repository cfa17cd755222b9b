import { majorOf, parseSemver } from '@charter/spec';
import type { CheckSeverity } from '../check/check-rules.ts';
import type { DiffResult } from '../diff/contract-diff.ts';
import type { ContractPair } from '../diff/contract-pairs.ts';
import type { DiffFinding } from '../diff/diff-rules.ts';

/** Version policy rules, by id. */
export const VERSION_RULES = {
	'breaking-without-major': {
		severity: 'error',
		summary: 'A breaking change to a stable contract needs a new major version.',
	},
	'breaking-change-unstable': {
		severity: 'warning',
		summary: 'A breaking change to an experimental or beta contract.',
	},
	'released-version-modified': {
		severity: 'error',
		summary: 'The schema of an already released key@version changed: publish a new version.',
	},
	'released-event-modified': {
		severity: 'error',
		summary:
			'An event declared inline changed its payload under the same key@version: publish a new event version.',
	},
} as const satisfies Record<string, { severity: CheckSeverity; summary: string }>;

export type VersionRuleId = keyof typeof VERSION_RULES;

/** A version policy violation. */
export interface VersionFinding {
	readonly ruleId: VersionRuleId;
	readonly severity: CheckSeverity;
	readonly kind: string;
	readonly key: string;
	readonly version: string;
	readonly baseVersion: string;
	readonly file?: string;
	readonly message: string;
}

/**
 * Applies the version policy to a diff: breaking changes to stable (or deprecated)
 * contracts need a new major version; on experimental and beta contracts they are warnings;
 * a released key@version may not change its schema at all.
 */
export function applyVersionPolicy(diff: DiffResult): VersionFinding[] {
	const findings: VersionFinding[] = [];
	const byContract = groupFindings(diff.findings);
	for (const pair of diff.pairs) {
		const { before, after } = pair;
		if (!before || !after || pair.unchanged) continue;
		const own = byContract.get(pairId(pair)) ?? [];
		const at = {
			kind: pair.kind,
			key: pair.key,
			version: after.version,
			baseVersion: before.version,
			...(after.file ? { file: after.file } : {}),
		};
		if (before.version === after.version && schemaText(before.spec) !== schemaText(after.spec)) {
			findings.push({
				...at,
				ruleId: 'released-version-modified',
				severity: 'error',
				message: `${pair.key}@${before.version} is released and its schema changed: bump the version`,
			});
		}
		findings.push(...inlineEventsModified(pair, at));
		// A waived change was accepted on purpose: it needs no new major version.
		const breaking = own.filter((f) => f.severity === 'breaking' && !f.waiver);
		if (breaking.length === 0 || majorOf(after.version) > majorOf(before.version)) continue;
		const list = breaking
			.slice(0, 3)
			.map((f) => `${f.ruleId} at ${f.path}`)
			.join(', ');
		const more = breaking.length > 3 ? ` and ${breaking.length - 3} more` : '';
		const stability = before.spec.meta.stability;
		const strict = stability === 'stable' || stability === 'deprecated';
		findings.push({
			...at,
			ruleId: strict ? 'breaking-without-major' : 'breaking-change-unstable',
			severity: strict ? 'error' : 'warning',
			message: `${breaking.length} breaking change(s) (${list}${more}) to a ${stability} contract ${strict ? 'without a new major version: publish' : 'without a new major version; consider'} ${pair.key}@${majorOf(before.version) + 1}.0.0`,
		});
	}
	return findings;
}

/**
 * Inline events have no contract of their own, so `released-version-modified` cannot see them:
 * an event an operation emits in both versions, under the same key@version, must keep its payload.
 */
function inlineEventsModified(
	pair: ContractPair,
	at: Omit<VersionFinding, 'ruleId' | 'severity' | 'message'>,
): VersionFinding[] {
	const a = pair.before?.spec;
	const b = pair.after?.spec;
	if (!a || !b || !('sideEffects' in a) || !('sideEffects' in b)) return [];
	const findings: VersionFinding[] = [];
	for (const event of a.sideEffects.emits) {
		const next = b.sideEffects.emits.find((e) => e.key === event.key);
		if (!next || next.version !== event.version || !event.payload || !next.payload) continue;
		if (schemaText(event.payload) === schemaText(next.payload)) continue;
		findings.push({
			...at,
			ruleId: 'released-event-modified',
			severity: 'error',
			message: `event ${event.key}@${event.version}, emitted by ${pair.key}, changed its payload under the same version: publish ${event.key}@${majorOf(event.version) + 1}.0.0 for a breaking change, a minor version otherwise`,
		});
	}
	return findings;
}

/** The smallest version bump a set of changes needs. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** A contract's minimum version bump against the base. */
export interface VersionSuggestion {
	readonly kind: string;
	readonly key: string;
	/** Version in the base, absent for a new contract. */
	readonly baseVersion?: string;
	/** Version now, absent for a removed contract. */
	readonly version?: string;
	readonly bump: Bump;
	/** The lowest version that satisfies the bump, from the base version. */
	readonly suggested?: string;
	/** Whether the current version already is at least the suggested one. */
	readonly satisfied: boolean;
	/** Changes a waiver accepts (by change id): a waived breaking change needs a minor version, not a major. */
	readonly waived?: readonly string[];
}

const BUMP_FOR = { breaking: 'major', dangerous: 'minor', safe: 'minor', info: 'patch' } as const;
const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Gives, for each contract of the current snapshot, the minimum version bump its changes need. */
export function suggestVersions(diff: DiffResult): VersionSuggestion[] {
	const byContract = groupFindings(diff.findings);
	const suggestions: VersionSuggestion[] = [];
	for (const pair of diff.pairs) {
		const { before, after } = pair;
		if (!before || !after) {
			suggestions.push({
				kind: pair.kind,
				key: pair.key,
				...(before ? { baseVersion: before.version } : {}),
				...(after ? { version: after.version } : {}),
				bump: 'none',
				satisfied: true,
			});
			continue;
		}
		let bump: Bump = 'none';
		const waived: string[] = [];
		for (const f of byContract.get(pairId(pair)) ?? []) {
			// A version bump or the wire move it causes is the answer, not a reason for one.
			if (f.ruleId === 'version-changed') continue;
			if (isWireMoveFromMajor(f, before.version, after.version)) continue;
			let needed: Bump = BUMP_FOR[f.severity];
			if (f.waiver) {
				waived.push(f.waiver.change);
				if (needed === 'major') needed = 'minor';
			}
			if (BUMP_RANK[needed] > BUMP_RANK[bump]) bump = needed;
		}
		const suggested = bump === 'none' ? before.version : next(before.version, bump);
		suggestions.push({
			kind: pair.kind,
			key: pair.key,
			baseVersion: before.version,
			version: after.version,
			bump,
			suggested,
			satisfied: bumpOf(before.version, after.version) >= BUMP_RANK[bump],
			...(waived.length > 0 ? { waived } : {}),
		});
	}
	return suggestions;
}

function isWireMoveFromMajor(f: DiffFinding, before: string, after: string): boolean {
	return (
		majorOf(after) !== majorOf(before) &&
		(f.ruleId === 'rest-route-changed' ||
			f.ruleId === 'graphql-field-changed' ||
			f.ruleId === 'mcp-tool-changed')
	);
}

function next(version: string, bump: Exclude<Bump, 'none'>): string {
	const v = parseSemver(version);
	if (!v) return version;
	if (bump === 'major') return `${v.major + 1}.0.0`;
	if (bump === 'minor') return `${v.major}.${v.minor + 1}.0`;
	return `${v.major}.${v.minor}.${v.patch + 1}`;
}

/** Rank of the bump between two versions (0 when equal or lower). */
function bumpOf(before: string, after: string): number {
	const a = parseSemver(before);
	const b = parseSemver(after);
	if (!a || !b) return 0;
	if (b.major !== a.major) return b.major > a.major ? 3 : 0;
	if (b.minor !== a.minor) return b.minor > a.minor ? 2 : 0;
	if (b.patch !== a.patch) return b.patch > a.patch ? 1 : 0;
	return 0;
}

function pairId(pair: ContractPair): string {
	return `${pair.kind}:${pair.key}@${pair.after?.version ?? pair.before?.version}`;
}

function groupFindings(findings: readonly DiffFinding[]): Map<string, DiffFinding[]> {
	const map = new Map<string, DiffFinding[]>();
	for (const f of findings) {
		const id = `${f.kind}:${f.key}@${f.version}`;
		const list = map.get(id) ?? [];
		list.push(f);
		map.set(id, list);
	}
	return map;
}

const TEXT_KEYS = new Set(['description', 'examples', 'when', 'title']);

/** The contract's schema and behaviour as text, without its metadata, docs and examples. */
function schemaText(spec: unknown): string {
	const { meta: _meta, acceptance: _acceptance, ...rest } = spec as Record<string, unknown>;
	return JSON.stringify(rest, (key, value) => (TEXT_KEYS.has(key) ? undefined : sortedKeys(value)));
}

/**
 * An object with its keys in order, so that two ways of writing one schema (`f.id().array()`
 * and the seed's `{ type, isArray, isOptional }`, keys in any order) compare equal.
 */
function sortedKeys(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const sorted: Record<string, unknown> = {};
	for (const key of Object.keys(value).sort())
		sorted[key] = (value as Record<string, unknown>)[key];
	return sorted;
}
