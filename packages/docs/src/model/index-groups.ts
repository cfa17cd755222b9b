// The index page's groups: one per feature with its operations and events, then `Other` for
// the contracts no feature lists.
import type { FeatureSpec, RegistryEntry } from '@charter/spec';
import { featureTitle } from './contract-links.ts';
import type { EventPage, IndexEntry, IndexGroup, OperationPage } from './page-model.ts';
import { eventPath, operationPath } from './page-paths.ts';

/** What the index (and the search) shows of an operation or event page. */
export function indexEntryOf(page: OperationPage | EventPage): IndexEntry {
	return {
		kind: page.kind === 'operation' ? page.operationKind : 'event',
		...(page.kind === 'operation'
			? { method: page.wire.rest.method, route: page.wire.rest.path }
			: {}),
		title: page.title,
		version: page.version,
		...(page.description ? { description: page.description } : {}),
		stability: page.stability,
		owners: page.owners,
		tags: page.tags,
		href: page.path,
	};
}

/** Groups the operation and event pages by feature, in feature order, the rest last. */
export function indexGroups(
	features: readonly RegistryEntry<FeatureSpec>[],
	operations: readonly OperationPage[],
	events: readonly EventPage[],
): IndexGroup[] {
	const byPath = new Map<string, OperationPage | EventPage>();
	for (const page of [...operations, ...events]) byPath.set(page.path, page);
	const grouped = new Set<string>();
	const groups: IndexGroup[] = features.map(({ spec }) => {
		const pick = (kind: 'operation' | 'event') =>
			spec.members
				.filter((m) => m.kind === kind)
				.map((m) =>
					byPath.get(
						kind === 'operation' ? operationPath(m.key, m.version) : eventPath(m.key, m.version),
					),
				)
				.filter((page): page is OperationPage | EventPage => page !== undefined)
				.map((page) => {
					grouped.add(page.path);
					return indexEntryOf(page);
				});
		return {
			id: `feature-${spec.meta.key}`,
			title: featureTitle(spec),
			...(spec.meta.description ? { description: spec.meta.description } : {}),
			operations: pick('operation'),
			events: pick('event'),
		};
	});
	const rest = (pages: readonly (OperationPage | EventPage)[]) =>
		pages.filter((p) => !grouped.has(p.path)).map(indexEntryOf);
	const other = { id: 'other', title: 'Other', operations: rest(operations), events: rest(events) };
	if (other.operations.length > 0 || other.events.length > 0) groups.push(other);
	return groups;
}
