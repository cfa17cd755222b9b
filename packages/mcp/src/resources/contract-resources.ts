import { type ContractRegistry, type ContractSpec, registryKind } from '@charter/spec';
import type { Resource } from '@modelcontextprotocol/sdk/types.js';

/** Renders the Markdown docs page of a contract, or undefined when it has none. */
export type DocsRenderer = (spec: ContractSpec) => string | undefined;

/** A readable resource: its listing and its text. */
export interface ContractResource {
	readonly resource: Resource;
	read(): string;
}

/**
 * Lists the resources of a registry: per contract, its IR as JSON
 * (`charter://contracts/<kind>/<key>@<version>`) and, when a docs renderer is given, its
 * Markdown page (`charter://docs/<kind>/<key>@<version>`).
 */
export function contractResources(
	registry: ContractRegistry,
	renderDocs?: DocsRenderer,
): Map<string, ContractResource> {
	const resources = new Map<string, ContractResource>();
	for (const { spec } of registry.all()) {
		const id = `${registryKind(spec)}/${spec.meta.key}@${spec.meta.version}`;
		const name = `${spec.meta.key}@${spec.meta.version}`;
		const ir = `charter://contracts/${id}`;
		resources.set(ir, {
			resource: {
				uri: ir,
				name,
				title: `${name} (${spec.kind} contract)`,
				...(spec.meta.description ? { description: spec.meta.description } : {}),
				mimeType: 'application/json',
			},
			read: () => JSON.stringify(spec, null, 2),
		});
		const page = renderDocs?.(spec);
		if (page !== undefined) {
			const uri = `charter://docs/${id}`;
			resources.set(uri, {
				resource: {
					uri,
					name: `${name} docs`,
					title: `${name} (docs page)`,
					mimeType: 'text/markdown',
				},
				read: () => page,
			});
		}
	}
	return resources;
}
