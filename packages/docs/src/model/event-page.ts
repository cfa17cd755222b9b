// The page model of one event, registered as a contract or declared inline by an operation.
import type { ContractRegistry, EventSpec, RegistryEntry } from '@charter/spec';
import type { EmitterLinks, InlineEvent } from './contract-links.ts';
import { deprecationOf } from './deprecation-banner.ts';
import { FACT_LABELS, factsOf } from './page-facts.ts';
import type { EventPage, Fact, PageLink, SourceSection } from './page-model.ts';
import { eventPath } from './page-paths.ts';
import type { TypeCatalog } from './type-catalog.ts';
import { typeSection } from './type-describe.ts';

/** Builds the page model of an event that has its own contract. */
export function registeredEventPage(
	entry: RegistryEntry<EventSpec>,
	registry: ContractRegistry,
	catalog: TypeCatalog,
	emitters: EmitterLinks,
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

/** Builds the page model of an event declared inline, from the operation that declares it. */
export function inlineEventPage(
	event: InlineEvent,
	catalog: TypeCatalog,
	emitters: EmitterLinks,
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
