// The facts table of operation and event pages: type, version, stability, owners, tags, file.
import type { Meta } from '@charter/spec';
import type { Fact } from './page-model.ts';

/** The human label of each fact. */
export const FACT_LABELS: Record<Fact['id'], string> = {
	type: 'Type',
	version: 'Version',
	stability: 'Stability',
	owners: 'Owners',
	tags: 'Tags',
	file: 'File',
};

/** Lists a contract's facts in table order, leaving out those without a value. */
export function factsOf(meta: Meta, type: string, file: string | undefined): Fact[] {
	const values: [Fact['id'], string | undefined][] = [
		['type', type],
		['version', meta.version],
		['stability', meta.stability],
		['owners', meta.owners.join(', ')],
		['tags', meta.tags.join(', ')],
		['file', file],
	];
	return values
		.filter((pair): pair is [Fact['id'], string] => Boolean(pair[1]))
		.map(([id, value]) => ({ id, label: FACT_LABELS[id], value }));
}
