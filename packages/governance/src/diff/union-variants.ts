// Pairs the variants of two unions (by tag, name, value or sole same kind) and labels them in paths.
import { type ScalarNode, type TypeNode, typeFingerprint, type UnionNode } from '@charter/schema';
import { describeType } from './describe-type.ts';
import { nameOf } from './type-node-facts.ts';

function tagOf(node: TypeNode, discriminator: string | undefined): unknown {
	if (!discriminator || node.kind !== 'model') return undefined;
	const field = node.fields[discriminator];
	return field?.type.kind === 'literal' ? field.type.value : undefined;
}

/** Labels a variant in a path: `kind=card` under a discriminator, else its name or description. */
export function variantLabel(node: TypeNode, union: UnionNode): string {
	const tag = tagOf(node, union.discriminator);
	if (tag !== undefined) return `${union.discriminator}=${String(tag)}`;
	return nameOf(node) ?? describeType(node);
}

/** Finds the variant that corresponds to `node`: same tag, same name, same value, or sole same kind. */
export function findVariant(node: TypeNode, variants: readonly TypeNode[], discriminator?: string) {
	const tag = tagOf(node, discriminator);
	if (tag !== undefined) {
		const byTag = variants.find((v) => tagOf(v, discriminator) === tag);
		if (byTag) return byTag;
	}
	const name = nameOf(node);
	if (name) {
		const byName = variants.find((v) => nameOf(v) === name && v.kind === node.kind);
		if (byName) return byName;
	}
	const text = typeFingerprint(node);
	const equal = variants.find((v) => typeFingerprint(v) === text);
	if (equal) return equal;
	const sameKind = variants.filter(
		(v) => v.kind === node.kind && (node.kind !== 'scalar' || (v as ScalarNode).name === node.name),
	);
	return sameKind.length === 1 ? sameKind[0] : undefined;
}

/** Pairs each variant of `a` with one of `after`; the rest are added or removed. */
export function matchVariants(a: UnionNode, after: readonly TypeNode[]) {
	const pairs: [TypeNode, TypeNode][] = [];
	const left = [...after];
	const removed: TypeNode[] = [];
	for (const variant of a.variants) {
		const match = findVariant(variant, left, a.discriminator);
		if (match) {
			pairs.push([variant, match]);
			left.splice(left.indexOf(match), 1);
		} else {
			removed.push(variant);
		}
	}
	return { pairs, added: left, removed };
}
