// Impact from real traffic: for each operation a breaking or dangerous change touches, how many
// calls of the changed key@version the audit log holds in a window, from how many principals.
import type { DiffFinding } from '../diff/diff-rules.ts';
import {
	type CallShape,
	type FieldCounter,
	type FieldImpact,
	fieldCounter,
} from './field-impact.ts';

/** The fields of an audit record the impact reads (the runtime's AuditRecord has them all). */
export interface CallRecord {
	readonly operation: string;
	readonly version: string;
	readonly principalId?: string;
	readonly tenant?: string;
	readonly resultCode: string;
	readonly startedAt: string;
	/** Fields and enum values the input sent; absent on records written before it was kept. */
	readonly inputShape?: CallShape;
}

/** The calls an operation received in the window, counted exactly from the audit records. */
export interface OperationImpact {
	readonly key: string;
	/** The version the calls used: the version before the change. */
	readonly version: string;
	/** The worst severity of the changes that touch it. */
	readonly severity: 'breaking' | 'dangerous';
	/** The changes that touch it, by rule id and path. */
	readonly changes: readonly string[];
	/**
	 * Whether the audit log can tell: only commands are audited, so a query's traffic is
	 * unknown (`calls` is then absent), never reported as zero.
	 */
	readonly audited: boolean;
	readonly calls?: number;
	/** Calls that succeeded (result `OK`). */
	readonly succeeded?: number;
	readonly principals?: number;
	readonly tenants?: number;
	/** Calls made with no principal. */
	readonly anonymous?: number;
	readonly lastCall?: string;
	/**
	 * Per change that names an input field or enum value: the calls that sent (or omitted) it,
	 * from the input shapes; calls of unknown shape are counted apart, never as zero.
	 */
	readonly fields?: readonly FieldImpact[];
}

/** The impact of a diff on the traffic of a window. */
export interface TrafficImpact {
	/** Where the records came from: a store URL (without credentials) or a file. */
	readonly source: string;
	readonly since: string;
	readonly until: string;
	readonly operations: readonly OperationImpact[];
}

/**
 * Counts, for each operation touched by a breaking or dangerous change (not waived), the calls
 * of its base version in the records: exact counts, distinct principals and tenants, the last
 * call. `isAudited(key)` says which operations the audit log records (commands).
 */
export function trafficImpact(
	findings: readonly DiffFinding[],
	records: Iterable<CallRecord>,
	window: { readonly source: string; readonly since: Date; readonly until: Date },
	isAudited: (key: string) => boolean,
): TrafficImpact {
	const touched = new Map<
		string,
		{
			key: string;
			version: string;
			severity: 'breaking' | 'dangerous';
			changes: string[];
			fields: FieldCounter[];
		}
	>();
	for (const f of findings) {
		if (f.kind !== 'operation' || f.waiver) continue;
		if (f.severity !== 'breaking' && f.severity !== 'dangerous') continue;
		const version = f.baseVersion ?? f.version;
		const id = `${f.key}@${version}`;
		const entry = touched.get(id) ?? {
			key: f.key,
			version,
			severity: f.severity,
			changes: [],
			fields: [],
		};
		if (f.severity === 'breaking') entry.severity = 'breaking';
		entry.changes.push(`${f.ruleId} ${f.path}`);
		const field = fieldCounter(f);
		if (field) entry.fields.push(field);
		touched.set(id, entry);
	}
	const counts = new Map<
		string,
		{
			calls: number;
			ok: number;
			anonymous: number;
			principals: Set<string>;
			tenants: Set<string>;
			last?: string;
			fields: readonly FieldCounter[];
		}
	>();
	for (const [id, t] of touched) {
		counts.set(id, {
			calls: 0,
			ok: 0,
			anonymous: 0,
			principals: new Set(),
			tenants: new Set(),
			fields: t.fields,
		});
	}
	const from = window.since.getTime();
	const to = window.until.getTime();
	for (const r of records) {
		const count = counts.get(`${r.operation}@${r.version}`);
		if (!count) continue;
		const at = Date.parse(r.startedAt);
		if (!(at >= from && at < to)) continue;
		count.calls++;
		if (r.resultCode === 'OK') count.ok++;
		if (r.principalId) count.principals.add(r.principalId);
		else count.anonymous++;
		if (r.tenant) count.tenants.add(r.tenant);
		if (!count.last || r.startedAt > count.last) count.last = r.startedAt;
		for (const field of count.fields) field.add(r.inputShape);
	}
	const operations: OperationImpact[] = [];
	for (const [id, t] of touched) {
		const base = { key: t.key, version: t.version, severity: t.severity, changes: t.changes };
		if (!isAudited(t.key)) {
			operations.push({ ...base, audited: false });
			continue;
		}
		const c = counts.get(id)!;
		operations.push({
			...base,
			audited: true,
			calls: c.calls,
			succeeded: c.ok,
			principals: c.principals.size,
			tenants: c.tenants.size,
			anonymous: c.anonymous,
			...(c.last ? { lastCall: c.last } : {}),
			...(t.fields.length > 0 ? { fields: t.fields.map((f) => f.impact()) } : {}),
		});
	}
	return {
		source: window.source,
		since: window.since.toISOString(),
		until: window.until.toISOString(),
		operations,
	};
}

/** Says one operation's impact in words: "12,000 calls from 3 principals" or "no call". */
export function describeImpact(o: OperationImpact): string {
	if (!o.audited) return 'traffic unknown: queries are not audited';
	if (!o.calls) return 'no call in the window';
	const n = (x: number) => x.toLocaleString('en-US');
	const who = `${n(o.principals ?? 0)} principal(s)${o.anonymous ? ` and ${n(o.anonymous)} anonymous call(s)` : ''}`;
	return `${n(o.calls)} call(s) (${n(o.succeeded ?? 0)} succeeded) from ${who} in ${n(o.tenants ?? 0)} tenant(s), last ${o.lastCall}`;
}
