import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	type CallRecord,
	type DiffFinding,
	type TrafficImpact,
	trafficImpact,
} from '@charter/governance';
import type { createStores } from '@charter/sql';
import { UsageError } from '../command.ts';
import type { Project } from '../project/load-project.ts';

const DAY = 86_400_000;
const PAGE = 5_000;

/** Reads `--window` (days, `30` or `30d`); 30 days by default. */
export function windowDays(value: string | undefined): number {
	if (value === undefined) return 30;
	const days = Number(value.replace(/d$/, ''));
	if (!Number.isInteger(days) || days < 1) {
		throw new UsageError(`--window ${value} is not a whole number of days (30 or 30d)`);
	}
	return days;
}

/** Shows a store URL without its credentials. */
function shownSource(source: string): string {
	try {
		const url = new URL(source);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return source;
	}
}

/** Reads an exported audit log: JSON lines (`charter audit tail --json`) or one JSON array. */
function readExport(file: string): CallRecord[] {
	const text = readFileSync(file, 'utf8').trim();
	try {
		if (text.startsWith('[')) return JSON.parse(text) as CallRecord[];
		return text
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line) as CallRecord);
	} catch (error) {
		throw new UsageError(
			`${file}: not an audit export (JSON lines or a JSON array): ${(error as Error).message}`,
			'CHARTER_IMPACT_SOURCE_INVALID',
		);
	}
}

/** Every record of one operation in the window, paged back from the newest (exact, not sampled). */
async function readStore(
	source: string,
	root: string,
	keys: readonly string[],
	since: Date,
	until: Date,
): Promise<CallRecord[]> {
	let stores: Awaited<ReturnType<typeof createStores>>;
	try {
		// Loaded for --impact only: charter diff otherwise opens no store.
		const { createStores } = await import('@charter/sql');
		stores = await createStores({ url: source, baseDir: root });
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		throw new UsageError(
			`--impact ${shownSource(source)}: ${(error as Error).message}`,
			typeof code === 'string' && code.startsWith('CHARTER_')
				? code
				: 'CHARTER_IMPACT_SOURCE_INVALID',
		);
	}
	try {
		const records: CallRecord[] = [];
		for (const operation of keys) {
			let beforeSeq: number | undefined;
			for (;;) {
				const page = await stores.audit.list({
					operation,
					since,
					until,
					limit: PAGE,
					...(beforeSeq !== undefined ? { beforeSeq } : {}),
				});
				records.push(...page);
				const first = (page[0] as { seq?: number } | undefined)?.seq;
				if (page.length < PAGE || first === undefined) break;
				beforeSeq = first;
			}
		}
		return records;
	} finally {
		await stores.close();
	}
}

/**
 * The impact of a diff's breaking and dangerous changes on the traffic of the last `days`
 * days, from an audit store URL (the database `charter serve` writes) or an exported file.
 */
export async function auditImpact(
	project: Project,
	cwd: string,
	source: string,
	days: number,
	findings: readonly DiffFinding[],
	now: Date = new Date(),
): Promise<TrafficImpact> {
	const until = now;
	const since = new Date(now.getTime() - days * DAY);
	const keys = [...new Set(findings.filter((f) => f.kind === 'operation').map((f) => f.key))];
	const file = resolve(cwd, source);
	const isFile = !/^[a-z][a-z0-9+.-]*:/i.test(source) && existsSync(file);
	const records = isFile
		? readExport(file)
		: keys.length === 0
			? []
			: await readStore(source, project.root, keys, since, until);
	const commands = new Set<string>();
	for (const { spec } of project.registry.all())
		if (spec.kind === 'command') commands.add(spec.meta.key);
	return trafficImpact(
		findings,
		records,
		{ source: isFile ? source : shownSource(source), since, until },
		(key) => commands.has(key),
	);
}
