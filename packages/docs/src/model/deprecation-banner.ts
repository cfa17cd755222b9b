// The deprecation banner of operation and event pages: since when, what replaces it, sunset.
import type { ContractRegistry, Meta } from '@charter/spec';
import type { DeprecationBanner, PageLink } from './page-model.ts';
import { eventPath, operationPath } from './page-paths.ts';

/**
 * Builds the banner of a deprecated contract, or undefined when it is not deprecated. A
 * replacement that is not registered keeps its text with an empty link.
 */
export function deprecationOf(
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
