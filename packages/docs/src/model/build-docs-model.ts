import { createJsonSchemaEmitter, type TypeNode } from '@charter/schema';
import {
	type ContractRegistry,
	type EventSpec,
	type FeatureSpec,
	type Meta,
	type OperationSpec,
	type RegistryEntry,
	wireNames,
} from '@charter/spec';
import { indexDefinitions } from '../highlight/ts-tokenizer.ts';
import type {
	DeprecationBanner,
	DocsModel,
	EventPage,
	Fact,
	IndexEntry,
	IndexGroup,
	ModelPage,
	OperationPage,
	PageLink,
	SourceSection,
} from './page-model.ts';
import { eventPath, featureAnchor, operationPath } from './page-paths.ts';
import { describePolicy } from './policy-words.ts';
import { sampleValue } from './sample-value.ts';
import { buildSnippets } from './snippets.ts';
import { compareText, TypeCatalog } from './type-catalog.ts';
import { describeType, enumValuesOf, fieldRows, typeSection } from './type-describe.ts';

/** What the page model needs besides the registry. */
export interface DocsModelOptions {
	/** Site title; `Contracts` by default. */
	readonly title?: string;
	/** Contents of the contract source files, by path relative to the project root (display only). */
	readonly sources?: Readonly<Record<string, string>>;
	/** Base URL used in the curl and client snippets. */
	readonly baseUrl?: string;
}

const FACT_LABELS: Record<Fact['id'], string> = {
	type: 'Type',
	version: 'Version',
	stability: 'Stability',
	owners: 'Owners',
	tags: 'Tags',
	file: 'File',
};

interface InlineEvent {
	readonly key: string;
	readonly version: string;
	readonly payload: TypeNode;
	readonly declaredIn: RegistryEntry<OperationSpec>;
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
	const operations = registry.operations();
	const events = registry.events();
	const features = registry.features();
	const catalog = new TypeCatalog();

	const featuresOf = new Map<string, PageLink[]>();
	for (const { spec } of features) {
		for (const member of spec.members) {
			const id = `${member.kind}:${member.key}@${member.version}`;
			const links = featuresOf.get(id) ?? [];
			links.push({ text: featureTitle(spec), href: featureAnchor(spec.meta.key) });
			featuresOf.set(id, links);
		}
	}

	const inline = new Map<string, InlineEvent>();
	const emitters = new Map<string, (PageLink & { when?: string })[]>();
	for (const entry of operations) {
		const { spec } = entry;
		const href = operationPath(spec.meta.key, spec.meta.version);
		const use = { text: `${spec.meta.key} v${spec.meta.version}`, href };
		catalog.add(spec.io.input, use);
		catalog.add(spec.io.output, use);
		for (const declared of Object.values(spec.errors)) {
			if (declared.data) catalog.add(declared.data, use);
		}
		for (const emit of spec.sideEffects.emits) {
			const id = `${emit.key}@${emit.version}`;
			const list = emitters.get(id) ?? [];
			list.push({ text: spec.meta.key, href, ...(emit.when ? { when: emit.when } : {}) });
			emitters.set(id, list);
			if (emit.payload && !registry.get('event', emit.key, emit.version) && !inline.has(id)) {
				inline.set(id, {
					key: emit.key,
					version: emit.version,
					payload: emit.payload,
					declaredIn: entry,
				});
			}
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
	const definitions = new Map<string, Map<string, string>>();
	const sourceOf = (entry: RegistryEntry): SourceSection | undefined => {
		const text = entry.file ? options.sources?.[entry.file] : undefined;
		if (!entry.file || text === undefined) return undefined;
		let found = definitions.get(entry.file);
		if (!found) {
			found = indexDefinitions(text);
			definitions.set(entry.file, found);
		}
		return {
			file: entry.file,
			...(entry.exportName ? { exportName: entry.exportName } : {}),
			code: (entry.exportName && found.get(entry.exportName)) || text,
		};
	};

	const operationPages = operations.map((entry): OperationPage => {
		const { spec } = entry;
		const { meta } = spec;
		const wire = wireNames(spec);
		const firstExample = spec.acceptance.examples[0];
		const input = firstExample ? firstExample.input : sampleValue(spec.io.input);
		const source = sourceOf(entry);
		const deprecation = deprecationOf(meta, 'operation', registry);
		return {
			kind: 'operation',
			operationKind: spec.kind,
			path: operationPath(meta.key, meta.version),
			title: meta.title ?? meta.key,
			key: meta.key,
			version: meta.version,
			stability: meta.stability,
			owners: meta.owners,
			tags: meta.tags,
			...(meta.description ? { description: meta.description } : {}),
			...(meta.goal ? { goal: meta.goal } : {}),
			...(meta.context ? { context: meta.context } : {}),
			facts: factsOf(meta, `operation (${spec.kind})`, entry.file),
			...(deprecation ? { deprecation } : {}),
			wire: {
				rest: { ...wire.rest },
				graphql: { ...wire.graphql },
				mcp: { ...wire.mcp },
			},
			input: typeSection(spec.io.input, catalog),
			output: typeSection(spec.io.output, catalog),
			policy: describePolicy(spec.policy),
			errors: Object.entries(spec.errors)
				.map(([code, e]) => ({ code, status: e.status, description: e.description }))
				.sort((a, b) => a.status - b.status || compareText(a.code, b.code)),
			events: spec.sideEffects.emits.map((emit) => ({
				key: emit.key,
				version: emit.version,
				...(emit.when ? { when: emit.when } : {}),
				...(hasEventPage(emit.key, emit.version)
					? { href: eventPath(emit.key, emit.version) }
					: {}),
			})),
			audit: [...spec.sideEffects.audit],
			scenarios: spec.acceptance.scenarios.map((s) => ({
				key: s.key,
				given: [...s.given],
				when: [...s.when],
				then: [...s.then],
			})),
			examples: spec.acceptance.examples.map((example) => ({
				key: example.key,
				...(example.description ? { description: example.description } : {}),
				...(example.scenario ? { scenario: example.scenario } : {}),
				request: JSON.stringify(example.input, null, 2) ?? 'null',
				...(example.output !== undefined
					? { response: JSON.stringify(example.output, null, 2) }
					: {}),
				...(example.error ? { error: example.error } : {}),
			})),
			snippets: buildSnippets(spec, wire, input, {
				...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
				...(entry.file ? { file: entry.file } : {}),
				...(entry.exportName ? { exportName: entry.exportName } : {}),
			}),
			...(source ? { source } : {}),
			features: featuresOf.get(`operation:${meta.key}@${meta.version}`) ?? [],
			otherVersions: registry
				.versions('operation', meta.key)
				.filter((v) => v.spec.meta.version !== meta.version)
				.map((v) => ({
					text: v.spec.meta.version,
					href: operationPath(meta.key, v.spec.meta.version),
				})),
		};
	});

	const eventPages: EventPage[] = [
		...events.map((entry) =>
			registeredEventPage(entry, registry, catalog, emitters, featuresOf, sourceOf(entry)),
		),
		...[...inline.values()].map((event) => inlineEventPage(event, catalog, emitters)),
	].sort((a, b) => compareText(a.path, b.path));

	const modelPages = catalog.entries().map(({ node, path, uses }): ModelPage => {
		const emitter = createJsonSchemaEmitter();
		return {
			kind: 'model',
			path,
			name: node.name,
			title: node.name,
			...(node.description ? { description: node.description } : {}),
			typeKind: node.kind,
			fields: node.kind === 'model' ? fieldRows(node, catalog) : [],
			enumValues: node.kind === 'enum' ? enumValuesOf(node) : [],
			variants: node.kind === 'union' ? node.variants.map((v) => describeType(v, catalog)) : [],
			...(node.kind === 'union' && node.discriminator ? { discriminator: node.discriminator } : {}),
			jsonSchema: JSON.stringify(emitter.emitInline(node), null, 2),
			usedBy: uses.map((u) => ({ text: u.text, href: u.href })),
		};
	});

	return {
		title: options.title ?? 'Contracts',
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

function featureTitle(spec: FeatureSpec): string {
	return spec.meta.title ?? spec.meta.key;
}

function distinct(values: readonly string[]): string[] {
	return [...new Set(values)].sort(compareText);
}

function factsOf(meta: Meta, type: string, file: string | undefined): Fact[] {
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

function deprecationOf(
	meta: Meta,
	kind: 'operation' | 'event',
	registry: ContractRegistry,
): DeprecationBanner | undefined {
	const d = meta.deprecation;
	if (!d && meta.stability !== 'deprecated') return undefined;
	let replacedBy: PageLink | undefined;
	if (d?.replacedBy) {
		const [key, version] = d.replacedBy.split('@') as [string, string | undefined];
		const target = version ? registry.get(kind, key, version) : registry.latest(kind, key);
		const path = kind === 'operation' ? operationPath : eventPath;
		replacedBy = target
			? { text: d.replacedBy, href: path(target.spec.meta.key, target.spec.meta.version) }
			: { text: d.replacedBy, href: '' };
	}
	const parts = [`This ${kind} is deprecated${d?.since ? ` since ${d.since}` : ''}.`];
	if (d?.replacedBy) parts.push(`Use ${d.replacedBy} instead.`);
	if (d?.sunset) parts.push(`It may be removed after ${d.sunset}.`);
	return {
		message: parts.join(' '),
		...(replacedBy ? { replacedBy } : {}),
		...(d?.sunset ? { sunset: d.sunset } : {}),
		...(d?.since ? { since: d.since } : {}),
		...(d?.reason ? { reason: d.reason } : {}),
	};
}

function registeredEventPage(
	entry: RegistryEntry<EventSpec>,
	registry: ContractRegistry,
	catalog: TypeCatalog,
	emitters: Map<string, (PageLink & { when?: string })[]>,
	featuresOf: Map<string, PageLink[]>,
	source: SourceSection | undefined,
): EventPage {
	const { meta } = entry.spec;
	const deprecation = deprecationOf(meta, 'event', registry);
	return {
		kind: 'event',
		path: eventPath(meta.key, meta.version),
		title: meta.title ?? meta.key,
		...(meta.description ? { description: meta.description } : {}),
		key: meta.key,
		version: meta.version,
		stability: meta.stability,
		owners: meta.owners,
		tags: meta.tags,
		origin: 'registered',
		facts: factsOf(meta, 'event', entry.file),
		...(deprecation ? { deprecation } : {}),
		payload: typeSection(entry.spec.payload, catalog),
		pii: [...entry.spec.pii],
		emittedBy: emitters.get(`${meta.key}@${meta.version}`) ?? [],
		...(source ? { source } : {}),
		features: featuresOf.get(`event:${meta.key}@${meta.version}`) ?? [],
	};
}

function inlineEventPage(
	event: InlineEvent,
	catalog: TypeCatalog,
	emitters: Map<string, (PageLink & { when?: string })[]>,
): EventPage {
	const { meta } = event.declaredIn.spec;
	const facts: Fact[] = [
		{ id: 'type', label: FACT_LABELS.type, value: 'event (declared inline)' },
		{ id: 'version', label: FACT_LABELS.version, value: event.version },
		{ id: 'stability', label: FACT_LABELS.stability, value: meta.stability },
	];
	if (meta.owners.length > 0)
		facts.push({ id: 'owners', label: FACT_LABELS.owners, value: meta.owners.join(', ') });
	if (event.declaredIn.file)
		facts.push({ id: 'file', label: FACT_LABELS.file, value: event.declaredIn.file });
	return {
		kind: 'event',
		path: eventPath(event.key, event.version),
		title: event.key,
		description: `Declared inline by ${meta.key}; it has no event contract of its own.`,
		key: event.key,
		version: event.version,
		stability: meta.stability,
		owners: meta.owners,
		tags: [],
		origin: 'inline',
		facts,
		payload: typeSection(event.payload, catalog),
		pii: [],
		emittedBy: emitters.get(`${event.key}@${event.version}`) ?? [],
		features: [],
	};
}

function entryOf(page: OperationPage | EventPage): IndexEntry {
	return {
		kind: page.kind === 'operation' ? page.operationKind : 'event',
		title: page.title,
		version: page.version,
		...(page.description ? { description: page.description } : {}),
		stability: page.stability,
		owners: page.owners,
		tags: page.tags,
		href: page.path,
	};
}

function indexGroups(
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
					return entryOf(page);
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
		pages.filter((p) => !grouped.has(p.path)).map(entryOf);
	const other = { id: 'other', title: 'Other', operations: rest(operations), events: rest(events) };
	if (other.operations.length > 0 || other.events.length > 0) groups.push(other);
	return groups;
}
