import {
	type EnumNode,
	type ModelNode,
	type TypeNode,
	typeFingerprint,
	type UnionNode,
} from '@charter/schema';

/** A type that gets its own page: a model, an enum or a named union. */
export type NamedType = ModelNode | EnumNode | (UnionNode & { readonly name: string });

/** Where a named type was referenced from (a contract or an event page). */
export interface TypeUse {
	readonly text: string;
	readonly href: string;
}

interface CatalogEntry {
	readonly node: NamedType;
	readonly slug: string;
	readonly uses: TypeUse[];
}

function isNamed(node: TypeNode): node is NamedType {
	return (
		node.kind === 'model' || node.kind === 'enum' || (node.kind === 'union' && Boolean(node.name))
	);
}

/** Child nodes of a type, for walking the graph. */
const children: { [K in TypeNode['kind']]: (node: Extract<TypeNode, { kind: K }>) => TypeNode[] } =
	{
		scalar: () => [],
		enum: () => [],
		literal: () => [],
		'json-schema': () => [],
		model: (node) => Object.values(node.fields).map((f) => f.type),
		array: (node) => [node.items],
		record: (node) => [node.values],
		union: (node) => [...node.variants],
	};

/**
 * Collects every named type reachable from the contracts and gives each one a stable page
 * path. Two different types with the same name get `Name`, `Name-2`... in discovery order,
 * which follows the registry's sorted order, so paths are deterministic.
 */
export class TypeCatalog {
	readonly #byNode = new Map<TypeNode, CatalogEntry>();
	readonly #byName = new Map<string, { shape: string; entry: CatalogEntry }[]>();

	/** Walks a type, registering its named types and noting where they are used. */
	add(node: TypeNode, use?: TypeUse): void {
		this.#visit(node, use, new Set());
	}

	#visit(node: TypeNode, use: TypeUse | undefined, seen: Set<TypeNode>): void {
		if (seen.has(node)) return;
		seen.add(node);
		if (isNamed(node)) {
			const entry = this.#entry(node);
			if (use && !entry.uses.some((u) => u.href === use.href)) entry.uses.push(use);
		}
		const walk = children[node.kind] as (n: TypeNode) => TypeNode[];
		for (const child of walk(node)) this.#visit(child, use, seen);
	}

	#entry(node: NamedType): CatalogEntry {
		const known = this.#byNode.get(node);
		if (known) return known;
		const shape = typeFingerprint(node);
		const sameName = this.#byName.get(node.name) ?? [];
		let entry = sameName.find((candidate) => candidate.shape === shape)?.entry;
		if (!entry) {
			const slug = sameName.length === 0 ? node.name : `${node.name}-${sameName.length + 1}`;
			entry = { node, slug, uses: [] };
			sameName.push({ shape, entry });
			this.#byName.set(node.name, sameName);
		}
		this.#byNode.set(node, entry);
		return entry;
	}

	/** Gives the page path of a named type, or undefined when it has no page. */
	hrefOf(node: TypeNode): string | undefined {
		const entry = this.#byNode.get(node);
		return entry ? modelPath(entry.slug) : undefined;
	}

	/** Every named type with its page path and uses, sorted by page path. */
	entries(): { node: NamedType; path: string; uses: readonly TypeUse[] }[] {
		const unique = new Set(this.#byNode.values());
		return [...unique]
			.map((e) => ({
				node: e.node,
				path: modelPath(e.slug),
				uses: [...e.uses].sort((a, b) => compareText(a.href, b.href)),
			}))
			.sort((a, b) => compareText(a.path, b.path));
	}
}

/** Gives the page path of a model slug. */
export function modelPath(slug: string): string {
	return `models/${slug}.html`;
}

/** Compares strings by code unit, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
