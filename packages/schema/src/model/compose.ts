import { SchemaDefinitionError } from '../errors.ts';
import type { Infer } from '../ir/infer.ts';
import type {
	ArrayNode,
	LiteralNode,
	LiteralValue,
	RecordNode,
	TypeNode,
	UnionNode,
} from '../ir/type-node.ts';
import { assertTypeNode } from './define-schema-model.ts';

/**
 * Makes a list type.
 *
 * @example listOf(ScalarTypeEnum.String(), { maxItems: 10 })
 */
export function listOf<const N extends TypeNode>(
	items: N,
	bounds: { minItems?: number; maxItems?: number } = {},
): ArrayNode<Infer<N>[]> {
	assertTypeNode('listOf', items);
	return Object.freeze({ kind: 'array', items, ...bounds }) as ArrayNode<Infer<N>[]>;
}

/**
 * Makes a map from string keys to values of one type.
 *
 * @example recordOf(ScalarTypeEnum.Int())
 */
export function recordOf<const N extends TypeNode>(
	values: N,
): RecordNode<Record<string, Infer<N>>> {
	assertTypeNode('recordOf', values);
	return Object.freeze({ kind: 'record', values }) as RecordNode<Record<string, Infer<N>>>;
}

/**
 * Makes a type with exactly one value.
 *
 * @example literal('card')
 */
export function literal<const V extends LiteralValue>(value: V): LiteralNode<V> {
	return Object.freeze({ kind: 'literal', value }) as LiteralNode<V>;
}

/** A union as authored. With `discriminator`, every variant is a model whose field of that name is a literal. */
export interface UnionDefinition<V extends readonly TypeNode[]> {
	readonly name?: string;
	readonly description?: string;
	readonly discriminator?: string;
	readonly variants: V;
}

/**
 * Makes a union of types; discriminated when `discriminator` names a literal field shared by
 * every variant.
 *
 * @example
 * defineUnion({ name: 'Payment', discriminator: 'method', variants: [CardModel, TransferModel] })
 */
export function defineUnion<const V extends readonly TypeNode[]>(
	definition: UnionDefinition<V>,
): UnionNode<Infer<V[number]>> {
	const where = `union ${definition.name ?? '(anonymous)'}`;
	if (!Array.isArray(definition.variants) || definition.variants.length < 2) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_UNION',
			where,
			'a union needs at least two variants',
		);
	}
	definition.variants.forEach((variant, index) => {
		assertTypeNode(`${where}, variant ${index}`, variant);
	});
	if (definition.discriminator)
		assertDiscriminated(where, definition.discriminator, definition.variants);
	return Object.freeze({
		kind: 'union',
		...definition,
		variants: Object.freeze([...definition.variants]),
	}) as UnionNode<Infer<V[number]>>;
}

function assertDiscriminated(
	where: string,
	discriminator: string,
	variants: readonly TypeNode[],
): void {
	const seen = new Set<unknown>();
	variants.forEach((variant, index) => {
		const field = variant.kind === 'model' ? variant.fields[discriminator] : undefined;
		if (field?.type.kind !== 'literal' || field.isOptional) {
			throw new SchemaDefinitionError(
				'CHARTER_INVALID_UNION',
				`${where}, variant ${index}`,
				`a discriminated union needs every variant to be a model with a required literal field "${discriminator}"`,
			);
		}
		if (seen.has(field.type.value)) {
			throw new SchemaDefinitionError(
				'CHARTER_INVALID_UNION',
				`${where}, variant ${index}`,
				`discriminator value ${JSON.stringify(field.type.value)} is used by two variants`,
			);
		}
		seen.add(field.type.value);
	});
}
