import type { ContractRegistry } from '@charter/spec';
import { type BuildSteps, runSteps } from '../site/build-steps.ts';
import { emitLinks, featureLinks } from './contract-links.ts';
import { inlineEventPage, registeredEventPage } from './event-page.ts';
import { type GuideSource, guideSections } from './guide-pages.ts';
import { indexGroups } from './index-groups.ts';
import { modelPage } from './model-page.ts';
import { operationPage } from './operation-page.ts';
import type { DocsModel, EventPage, ModelPage, OperationPage } from './page-model.ts';
import { eventPath, operationPath } from './page-paths.ts';
import { createSourceLookup } from './source-section.ts';
import { compareText, TypeCatalog } from './type-catalog.ts';

/** What the page model needs besides the registry. */
export interface DocsModelOptions {
	/** Site title; `Contracts` by default. */
	readonly title?: string;
	/** Contents of the contract source files, by path relative to the project root (display only). */
	readonly sources?: Readonly<Record<string, string>>;
	/** Base URL used in the curl and client snippets. */
	readonly baseUrl?: string;
	/** The guides, in sidebar order (Markdown). */
	readonly guides?: readonly GuideSource[];
	/** Text that guides include with `<!-- charter:include NAME -->`, by name. */
	readonly includes?: Readonly<Record<string, string>>;
}

/**
 * Builds the docs page model of a whole registry: a page per operation, event (registered or
 * declared inline) and named type, plus the index grouped by feature. Everything is sorted,
 * so the same contracts always give the same model.
 *
 * @example
 * const model = buildDocsModel(project.registry, { title: 'Workflow system', sources });
 */
export function buildDocsModel(
	registry: ContractRegistry,
	options: DocsModelOptions = {},
): DocsModel {
	return runSteps(docsModelSteps(registry, options));
}

/** `buildDocsModel` as steps, one per page (see build-steps.ts). */
export function* docsModelSteps(
	registry: ContractRegistry,
	options: DocsModelOptions = {},
): BuildSteps<DocsModel> {
	const operations = registry.operations();
	const events = registry.events();
	const features = registry.features();
	const catalog = new TypeCatalog();

	const featuresOf = featureLinks(features);
	const { emitters, inline } = emitLinks(registry, operations);
	for (const { spec } of operations) {
		const href = operationPath(spec.meta.key, spec.meta.version);
		const use = { text: `${spec.meta.key} v${spec.meta.version}`, href };
		catalog.add(spec.io.input, use);
		catalog.add(spec.io.output, use);
		for (const declared of Object.values(spec.errors)) {
			if (declared.data) catalog.add(declared.data, use);
		}
	}
	for (const { spec } of events) {
		catalog.add(spec.payload, {
			text: `${spec.meta.key} v${spec.meta.version}`,
			href: eventPath(spec.meta.key, spec.meta.version),
		});
	}
	for (const event of inline.values()) {
		catalog.add(event.payload, {
			text: `${event.key} v${event.version}`,
			href: eventPath(event.key, event.version),
		});
	}

	const hasEventPage = (key: string, version: string) =>
		Boolean(registry.get('event', key, version)) || inline.has(`${key}@${version}`);
	const sourceOf = createSourceLookup(options.sources);

	const operationPages: OperationPage[] = [];
	for (const entry of operations) {
		operationPages.push(
			operationPage(entry, sourceOf(entry), {
				registry,
				catalog,
				featuresOf,
				hasEventPage,
				baseUrl: options.baseUrl,
			}),
		);
		yield;
	}

	const eventPages: EventPage[] = [
		...events.map((entry) =>
			registeredEventPage(entry, registry, catalog, emitters, featuresOf, sourceOf(entry)),
		),
		...[...inline.values()].map((event) => inlineEventPage(event, catalog, emitters)),
	].sort((a, b) => compareText(a.path, b.path));

	const modelPages: ModelPage[] = [];
	for (const entry of catalog.entries()) {
		modelPages.push(modelPage(entry, catalog));
		yield;
	}

	return {
		title: options.title ?? 'Contracts',
		guides: guideSections(options.guides ?? [], options.includes),
		groups: indexGroups(features, operationPages, eventPages),
		models: modelPages.map((page) => ({
			kind: page.typeKind,
			title: page.name,
			...(page.description ? { description: page.description } : {}),
			owners: [],
			tags: [],
			href: page.path,
		})),
		operations: operationPages,
		events: eventPages,
		modelPages,
		filters: {
			tags: distinct([...operationPages, ...eventPages].flatMap((p) => p.tags)),
			owners: distinct([...operationPages, ...eventPages].flatMap((p) => p.owners)),
			stabilities: distinct([...operationPages, ...eventPages].map((p) => p.stability)),
		},
	};
}

function distinct(values: readonly string[]): string[] {
	return [...new Set(values)].sort(compareText);
}
