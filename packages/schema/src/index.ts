export { SchemaDefinitionError } from './errors.ts';
export { jsonSchemaToNode, pascal, SCALAR_KEYWORD } from './interop/json-schema-to-node.ts';
export { fromStandardSchema, isStandardSchema, toTypeNode } from './interop/standard-schema.ts';
export { containsFile, fileFields, isFileType } from './ir/file-fields.ts';
export type { Infer, InferField, InferFields, TypeLike } from './ir/infer.ts';
export { reachableModels } from './ir/reachable-models.ts';
export { typeFingerprint } from './ir/type-fingerprint.ts';
export * from './ir/type-node.ts';
export {
	createJsonSchemaEmitter,
	type EmitterOptions,
	JSON_SCHEMA_DIALECT,
	type JsonSchema,
	type JsonSchemaEmitter,
	toJsonSchema,
} from './json-schema/json-schema-emitter.ts';
export { isObjectRoot, mayOmitInput } from './json-schema/object-root.ts';
export { defineUnion, listOf, literal, recordOf, type UnionDefinition } from './model/compose.ts';
export { defineEnum, type EnumOptions } from './model/define-enum.ts';
export {
	defineSchemaModel,
	type FieldDefinition,
	type ModelDefinition,
} from './model/define-schema-model.ts';
export { Field, f } from './model/field.ts';
export { completeExample, sampleValue } from './sample/sample-value.ts';
export { SCALARS, type ScalarDefinition } from './scalars/scalar-catalog.ts';
export { ScalarTypeEnum } from './scalars/scalar-type-enum.ts';
export {
	createTypeScriptEmitter,
	type TypeScriptEmitter,
} from './typescript/typescript-emitter.ts';
export type { UnknownKeys } from './validate/ajv-instance.ts';
export { compileJsonWriter, type JsonWriter } from './validate/compile-json-writer.ts';
export {
	compileValidator,
	toIssues,
	type Validator,
	type ValidatorOptions,
} from './validate/compile-validator.ts';
export type { ValidationIssue, ValidationResult } from './validate/issue.ts';
export { toUnicodePattern, type UnicodePattern } from './validate/unicode-pattern.ts';
