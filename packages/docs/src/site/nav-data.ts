import type { DocsModel } from '../model/page-model.ts';

/** One link of the sidebar; `m` is an operation's REST method. */
export interface NavLink {
	readonly t: string;
	readonly h: string;
	readonly m?: string;
}

/** A folding group of the sidebar: a guide section, a feature, or the models. */
export interface NavGroup {
	readonly title: string;
	readonly kind: 'guides' | 'feature' | 'models';
	readonly links: readonly NavLink[];
}

/**
 * Builds the sidebar's data: guide sections, then each feature's operations (with their
 * methods) and events, then the models. One file for the whole site, so a page of a
 * thousand-operation site does not carry a thousand links of its own.
 */
export function buildNav(model: DocsModel): NavGroup[] {
	const byHref = new Map(model.operations.map((page) => [page.path, page.wire.rest.method]));
	return [
		...model.guides.map((section) => ({
			title: section.title,
			kind: 'guides' as const,
			links: section.pages.map((page) => ({ t: page.title, h: page.path })),
		})),
		...model.groups.map((group) => ({
			title: group.title,
			kind: 'feature' as const,
			links: [
				...group.operations.map((entry) => {
					const method = byHref.get(entry.href);
					return { t: entry.title, h: entry.href, ...(method ? { m: method } : {}) };
				}),
				...group.events.map((entry) => ({ t: entry.title, h: entry.href, m: 'EVENT' })),
			],
		})),
		...(model.models.length > 0
			? [
					{
						title: 'Models',
						kind: 'models' as const,
						links: model.models.map((entry) => ({ t: entry.title, h: entry.href })),
					},
				]
			: []),
	];
}
