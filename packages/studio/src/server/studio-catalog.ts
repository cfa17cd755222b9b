import { buildDocsModel } from '@charter/docs';
import type { ContractRegistry } from '@charter/spec';
import type { GovernanceState, StudioCatalog } from '../api/studio-api.ts';

/** What the catalog is read from. */
export interface CatalogSources {
	readonly registry: ContractRegistry;
	readonly title?: string;
	/** `key@version` of the served operations. */
	readonly served: readonly string[];
	readonly governance?: GovernanceState;
}

/**
 * Builds the catalog from the registry: the docs page model (facts, wire names on every
 * surface, policy in words, errors, events, deprecation; grouped by feature) beside the
 * contracts themselves, which are plain data the browser turns into forms and calls.
 */
export function buildStudioCatalog(sources: CatalogSources): StudioCatalog {
	const { registry } = sources;
	const model = buildDocsModel(registry, { title: sources.title ?? 'Contracts' });
	return {
		title: model.title,
		groups: model.groups,
		models: model.models,
		operations: model.operations.map(({ source: _source, ...page }) => page),
		events: model.events.map(({ source: _source, ...page }) => page),
		modelPages: model.modelPages,
		features: registry.features().map((entry) => entry.spec),
		filters: model.filters,
		contracts: registry.operations().map((entry) => entry.spec),
		eventContracts: registry.events().map((entry) => entry.spec),
		served: sources.served,
		...(sources.governance ? { governance: sources.governance } : {}),
	};
}
