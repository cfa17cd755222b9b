import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Infer } from '../ir/infer.ts';
import type { TypeNode } from '../ir/type-node.ts';
import {
	type JsonSchema,
	type JsonSchemaDocument,
	toJsonSchemaDocument,
} from '../json-schema/json-schema-emitter.ts';
import { ajvFor, type UnknownKeys } from './ajv-instance.ts';
import type { ValidationIssue, ValidationResult } from './issue.ts';
import { compileShared } from './shared-definitions.ts';
import { createStripper, hasAmbiguousUnion } from './union-strip.ts';

export interface ValidatorOptions {
	/**
	 * `strip` (default) silently drops keys a model does not declare; `reject` reports each
	 * one as an `unknown_key` issue. Defaults declared on fields are filled in either way.
	 */
	readonly unknownKeys?: UnknownKeys;
}

/** A compiled validator. `validate` may fill defaults and strip unknown keys in place. */
export interface Validator<T> {
	readonly schema: JsonSchema;
	validate(value: unknown): ValidationResult<T>;
	/** Tells whether a value is valid, without building issues. */
	is(value: unknown): value is T;
}

/**
 * Compiles a validator for a type node, once. Validation returns every issue with a JSON
 * pointer, a code and a message.
 *
 * @example
 * const check = compileValidator(WorkflowInstanceModel);
 * const result = check.validate(body);
 * if (!result.ok) console.log(result.issues);
 */
export function compileValidator<N extends TypeNode>(
	node: N,
	options: ValidatorOptions = {},
): Validator<Infer<N>> {
	const unknownKeys = options.unknownKeys ?? 'strip';
	// Nodes are frozen, so a validator compiled once serves every executor built on them.
	const cached = compiled.get(node)?.get(unknownKeys);
	if (cached) return cached as Validator<Infer<N>>;
	const validator = compile<N>(node, unknownKeys);
	const byMode = compiled.get(node) ?? new Map<UnknownKeys, Validator<unknown>>();
	byMode.set(unknownKeys, validator as Validator<unknown>);
	compiled.set(node, byMode);
	return validator;
}

const compiled = new WeakMap<TypeNode, Map<UnknownKeys, Validator<unknown>>>();

/**
 * Emits the schema now (so a type that cannot be emitted fails at startup) and compiles it
 * with Ajv on first use: for an API of a thousand operations, compiling every input and
 * output validator at startup was most of the start time, and many are never called.
 */
function compile<N extends TypeNode>(node: N, unknownKeys: UnknownKeys): Validator<Infer<N>> {
	const document = toJsonSchemaDocument(node);
	const { schema } = document;
	let built: Validator<Infer<N>> | undefined;
	const get = () => {
		// A File is a web File in process, a binary string on the wire: compile the former.
		built ??= build<Infer<N>>(
			document.hasFiles ? toJsonSchemaDocument(node, { fileValues: true }) : document,
			unknownKeys,
		);
		return built;
	};
	return {
		schema,
		validate: (value) => get().validate(value),
		is: (value): value is Infer<N> => get().is(value),
	};
}

function build<T>(document: JsonSchemaDocument, unknownKeys: UnknownKeys): Validator<T> {
	const { schema } = document;
	if (unknownKeys === 'strip' && hasAmbiguousUnion(schema)) return unionSafeValidator(document);
	const fn = compileShared(ajvFor(unknownKeys), document, 'exact') as ValidateFunction<T>;
	return {
		schema,
		validate(value) {
			if (fn(value)) return { ok: true, value };
			return { ok: false, issues: toIssues(fn.errors ?? []) };
		},
		is: (value): value is T => fn(value),
	};
}

/** Strip mode for schemas whose unions Ajv would strip while trying branches (see union-strip.ts). */
function unionSafeValidator<T>(document: JsonSchemaDocument): Validator<T> {
	const { schema } = document;
	const fn = compileShared(ajvFor('reject'), document, 'loose') as ValidateFunction<T>;
	const strip = createStripper(schema);
	const is = (value: unknown): value is T => {
		if (!fn(value)) return false;
		strip(value);
		return true;
	};
	return {
		schema,
		validate: (value) =>
			is(value) ? { ok: true, value } : { ok: false, issues: toIssues(fn.errors ?? []) },
		is,
	};
}

/** Turns Ajv's errors into issues; `oneOf`/`anyOf` wrappers are kept only when nothing deeper explains them. */
export function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
	// Kept lean: this runs on every rejected request.
	let combinators = false;
	for (const error of errors) if (COMBINATORS.has(error.keyword)) combinators = true;
	const issues: ValidationIssue[] = [];
	for (const error of errors) {
		if (combinators && isExplainedElsewhere(error, errors)) continue;
		const issue = toIssue(error);
		if (
			!issues.some(
				(i) => i.path === issue.path && i.code === issue.code && i.message === issue.message,
			)
		) {
			issues.push(issue);
		}
	}
	return issues;
}

const COMBINATORS = new Set(['anyOf', 'oneOf']);

/** A combinator failure whose branches already reported something at or below its path. */
function isExplainedElsewhere(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
	if (!COMBINATORS.has(error.keyword)) return false;
	return errors.some(
		(other) =>
			other !== error &&
			!COMBINATORS.has(other.keyword) &&
			other.instancePath.startsWith(error.instancePath),
	);
}

/** Enum messages by the schema's own `enum` array, which Ajv hands back on every error. */
const enumMessages = new WeakMap<object, string>();

function enumMessage(allowed: unknown[]): string {
	let message = enumMessages.get(allowed);
	if (message === undefined) {
		message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
		enumMessages.set(allowed, message);
	}
	return message;
}

function toIssue(error: ErrorObject): ValidationIssue {
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required':
			return {
				path: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`,
				code: 'required',
				message: 'is required',
			};
		case 'additionalProperties':
			return {
				path: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`,
				code: 'unknown_key',
				message: 'is not a declared field',
			};
		case 'enum':
			return {
				path: error.instancePath,
				code: 'enum',
				message: enumMessage(params.allowedValues as unknown[]),
			};
		case 'const':
			return {
				path: error.instancePath,
				code: 'literal',
				message: `must be ${JSON.stringify(params.allowedValue)}`,
			};
		case 'type':
			return {
				path: error.instancePath,
				code: 'type',
				message: `must be ${describeType(params.type)}`,
			};
		case 'format':
			return {
				path: error.instancePath,
				code: 'format',
				message: `must be a valid ${String(params.format)}`,
			};
		case 'discriminator':
			return {
				path: error.instancePath,
				code: 'discriminator',
				message: error.message ?? 'has an unknown variant tag',
			};
		default:
			return {
				path: error.instancePath,
				code: error.keyword,
				message: error.message ?? 'is invalid',
			};
	}
}

function describeType(type: unknown): string {
	const list = Array.isArray(type) ? type : [type];
	return list
		.map((t) =>
			t === 'null'
				? 'null'
				: t === 'integer' || t === 'object' || t === 'array'
					? `an ${t}`
					: `a ${t}`,
		)
		.join(' or ');
}

function escapePointer(segment: string): string {
	return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
