/** What kind of adjustment an import made. */
export type ReportCategory =
	| 'renamed'
	| 'dropped'
	| 'normalized'
	| 'fallback'
	| 'skipped'
	| 'key-collision'
	| 'version';

/** One thing the import could not represent exactly, with the JSON path it came from. */
export interface ReportEntry {
	readonly category: ReportCategory;
	/** JSON pointer into the source document (`#/paths/~1pets/get/parameters/0`). */
	readonly path: string;
	/** The source file, when the entry comes from a file other than the imported one. */
	readonly file?: string;
	readonly message: string;
}

/** Collects report entries during an import. */
export class ImportReport {
	readonly entries: ReportEntry[] = [];

	/** Records one adjustment. */
	add(category: ReportCategory, path: string, message: string, file?: string): void {
		this.entries.push({ category, path, message, ...(file ? { file } : {}) });
	}

	/** Counts the entries by category. */
	counts(): Partial<Record<ReportCategory, number>> {
		const counts: Partial<Record<ReportCategory, number>> = {};
		for (const e of this.entries) counts[e.category] = (counts[e.category] ?? 0) + 1;
		return counts;
	}
}

/** Renders a report as text: per category, a count and the first `limit` entries. */
export function renderReport(entries: readonly ReportEntry[], limit = 5): string {
	if (entries.length === 0) return 'Everything was represented exactly.';
	const byCategory = new Map<string, ReportEntry[]>();
	for (const e of entries) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
	const lines: string[] = [];
	for (const [category, list] of [...byCategory.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
		lines.push(`${category} (${list.length}):`);
		for (const e of list.slice(0, limit)) {
			lines.push(`  ${e.file ? `${e.file}` : ''}${e.path}: ${e.message}`);
		}
		if (list.length > limit) lines.push(`  ... and ${list.length - limit} more`);
	}
	return lines.join('\n');
}
