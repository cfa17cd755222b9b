import { ContractDefinitionError } from '../errors.ts';
import { isSemver } from './semver.ts';

export type Stability = 'experimental' | 'beta' | 'stable' | 'deprecated';

export const STABILITIES: readonly Stability[] = ['experimental', 'beta', 'stable', 'deprecated'];

/** Why and until when a contract is deprecated, and what replaces it. */
export interface Deprecation {
	/** Version or date from which the contract is deprecated. */
	readonly since?: string;
	/** `key` or `key@version` of the replacement. */
	readonly replacedBy?: string;
	/** ISO date after which the contract may be removed. */
	readonly sunset?: string;
	readonly reason?: string;
}

/** The header every contract shares, as authored. */
export interface MetaDefinition {
	readonly key: string;
	readonly version: string;
	readonly stability?: Stability;
	readonly owners?: readonly string[];
	readonly tags?: readonly string[];
	readonly title?: string;
	readonly description?: string;
	readonly goal?: string;
	readonly context?: string;
	readonly deprecation?: Deprecation;
}

/** The header as stored in the IR: lists always present, stability defaulted. */
export interface Meta extends MetaDefinition {
	readonly stability: Stability;
	readonly owners: readonly string[];
	readonly tags: readonly string[];
}

/** Dotted lowercase segments: `workflow.instance.pause`, `billing.invoice-line.add`. */
export const KEY_PATTERN =
	/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)*$/;

/** Checks and normalizes a meta header; throws a {@link ContractDefinitionError} naming the field. */
export function normalizeMeta(meta: MetaDefinition | undefined): Meta {
	if (typeof meta !== 'object' || meta === null) {
		throw new ContractDefinitionError(
			'CHARTER_MISSING_META',
			undefined,
			'meta',
			'a contract needs a `meta` object with key and version',
		);
	}
	const { key, version } = meta;
	if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_KEY',
			typeof key === 'string' ? key : undefined,
			'meta.key',
			`${JSON.stringify(key)} is not a valid key: use dotted lowercase segments like "workflow.instance.pause"`,
		);
	}
	if (typeof version !== 'string' || !isSemver(version)) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_VERSION',
			key,
			'meta.version',
			`${JSON.stringify(version)} is not a semantic version like "1.0.0"`,
		);
	}
	const stability = meta.stability ?? 'experimental';
	if (!['experimental', 'beta', 'stable', 'deprecated'].includes(stability)) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_STABILITY',
			key,
			'meta.stability',
			`${JSON.stringify(stability)} is not one of experimental, beta, stable, deprecated`,
		);
	}
	for (const list of ['owners', 'tags'] as const) {
		const value = meta[list];
		if (
			value !== undefined &&
			(!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
		) {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_META',
				key,
				`meta.${list}`,
				'must be a list of strings',
			);
		}
	}
	return Object.freeze({
		...meta,
		stability,
		owners: Object.freeze([...(meta.owners ?? [])]),
		tags: Object.freeze([...(meta.tags ?? [])]),
		...(meta.deprecation ? { deprecation: Object.freeze({ ...meta.deprecation }) } : {}),
	});
}

/**
 * The one-line deprecation notice every surface shows (GraphQL's `@deprecated` reason, the MCP
 * tool description): the reason, the replacement and the sunset; undefined when not deprecated.
 */
export function deprecationNotice(meta: Meta): string | undefined {
	const d = meta.deprecation;
	if (!d && meta.stability !== 'deprecated') return undefined;
	const parts = [
		d?.reason,
		d?.replacedBy && `Use ${d.replacedBy}.`,
		d?.sunset && `Sunset ${d.sunset}.`,
	];
	return parts.filter(Boolean).join(' ') || 'Deprecated.';
}
