// Cross-references gathered before any page is built: the features each contract belongs to,
// the operations that emit each event, and the events declared only inline.
import type { TypeNode } from '@charter/schema';
import type { ContractRegistry, FeatureSpec, OperationSpec, RegistryEntry } from '@charter/spec';
import type { PageLink } from './page-model.ts';
import { featureAnchor, operationPath } from './page-paths.ts';

/** An event an operation declares with a payload but that has no event contract of its own. */
export interface InlineEvent {
	readonly key: string;
	readonly version: string;
	readonly payload: TypeNode;
	readonly declaredIn: RegistryEntry<OperationSpec>;
}

/** The operations that emit each event, by `key@version`, with when they do. */
export type EmitterLinks = Map<string, (PageLink & { when?: string })[]>;

/** Gives a feature's display title: its title, or its key when it has none. */
export function featureTitle(spec: FeatureSpec): string {
	return spec.meta.title ?? spec.meta.key;
}

/** Links each member contract, by `kind:key@version`, to the features that list it. */
export function featureLinks(
	features: readonly RegistryEntry<FeatureSpec>[],
): Map<string, PageLink[]> {
	const featuresOf = new Map<string, PageLink[]>();
	for (const { spec } of features) {
		for (const member of spec.members) {
			const id = `${member.kind}:${member.key}@${member.version}`;
			const links = featuresOf.get(id) ?? [];
			links.push({ text: featureTitle(spec), href: featureAnchor(spec.meta.key) });
			featuresOf.set(id, links);
		}
	}
	return featuresOf;
}

/**
 * Collects the operations that emit each event, and the events declared inline: emitted with a
 * payload but not registered. The first operation to declare an inline event owns its page.
 */
export function emitLinks(
	registry: ContractRegistry,
	operations: readonly RegistryEntry<OperationSpec>[],
): { emitters: EmitterLinks; inline: Map<string, InlineEvent> } {
	const inline = new Map<string, InlineEvent>();
	const emitters: EmitterLinks = new Map();
	for (const entry of operations) {
		const { spec } = entry;
		const href = operationPath(spec.meta.key, spec.meta.version);
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
	return { emitters, inline };
}
