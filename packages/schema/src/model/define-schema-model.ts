import { SchemaDefinitionError } from '../errors.ts';
import { pascal } from '../interop/json-schema-to-node.ts';
import { isStandardSchema, toTypeNode } from '../interop/standard-schema.ts';
import type { InferFields, TypeLike } from '../ir/infer.ts';
import { type FieldNode, isTypeNode, type ModelNode, type TypeNode } from '../ir/type-node.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field as authored: a type (a node or a Standard Schema such as Zod) plus flags. */
export type FieldDefinition = Omit<FieldNode, 'type'> & { readonly type: TypeLike };

/** A model as authored. */
export interface ModelDefinition<F extends Record<string, FieldDefinition>> {
	readonly name: string;
	readonly description?: string;
	readonly fields: F;
}

/**
 * Defines a named object type. A field is written in the short syntax (`f.id()`,
 * `f.string().optional()`, `f.ref(Step).array()`: required unless `.optional()`) or as the
 * seed's object (`{ type, isOptional, isNullable, isArray }`); both give the same IR.
 *
 * @example
 * const Pause = defineSchemaModel({
 *   name: 'PauseInput',
 *   fields: { instanceId: f.id(), reason: f.string().optional() },
 * });
 */
export function defineSchemaModel<const F extends Record<string, FieldDefinition>>(
	definition: ModelDefinition<F>,
): ModelNode<InferFields<F>> {
	const { name, description, fields } = definition ?? ({} as ModelDefinition<F>);
	if (typeof name !== 'string' || !NAME.test(name)) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_TYPE_NAME',
			`model ${JSON.stringify(name)}`,
			'a model needs a name that is an identifier (letters, digits, underscore)',
		);
	}
	if (typeof fields !== 'object' || fields === null) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_FIELDS',
			`model ${name}`,
			'`fields` must be an object',
		);
	}
	const normalized: Record<string, FieldNode> = {};
	for (const [field, def] of Object.entries(fields)) {
		normalized[field] = normalizeField(
			`model ${name}, field ${field}`,
			def,
			`${name}${pascal(field)}`,
		);
	}
	return Object.freeze({
		kind: 'model',
		name,
		...(description ? { description } : {}),
		fields: Object.freeze(normalized),
	}) as ModelNode<InferFields<F>>;
}

function normalizeField(where: string, def: FieldDefinition, typeName: string): FieldNode {
	if (typeof def === 'function') {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_FIELD',
			where,
			'a field is a value, not a function: call it, as in f.string() or ScalarTypeEnum.String()',
		);
	}
	if (typeof def !== 'object' || def === null) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_FIELD',
			where,
			'a field must be an object like { type, isOptional }',
		);
	}
	if (isTypeNode(def) || isStandardSchema(def)) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_FIELD',
			where,
			'a field is { type, isOptional }, not a bare type: write { type: <the type>, isOptional: false }',
		);
	}
	const type = toTypeNode(where, def.type, typeName);
	if (typeof def.isOptional !== 'boolean') {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_FIELD',
			where,
			'`isOptional` must be true or false',
		);
	}
	return Object.freeze({ ...def, type });
}

/** Throws a clear error when `type` is not a type node (a missing import, a typo, a string). */
export function assertTypeNode(where: string, type: unknown): asserts type is TypeNode {
	toTypeNode(where, type);
}
