import {
	compileValidator,
	type FieldNode,
	SCALARS,
	type ScalarNode,
	type TypeNode,
	type ValidationIssue,
	type Validator,
} from '@charter/schema';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/*
 * Validates example values by walking the type IR directly. `charter check` validates one
 * or two examples per contract, so compiling an Ajv validator for each (the runtime's way,
 * right for hot paths) would cost far more than the validation itself: with 1,000 contracts
 * it dominated the run. The semantics follow the emitted JSON Schema: same scalar schemas
 * (SCALARS + constraints), the same format checks (ajv-formats, full mode, and the
 * runtime's ISO time of day), undeclared keys rejected. Imported JSON Schema nodes are
 * still validated by Ajv.
 */

type FormatCheck =
	| RegExp
	| ((value: string) => boolean)
	| { validate: RegExp | ((v: string) => boolean) };

// Mirrors @charter/schema's Ajv setup: time of day with an optional offset.
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i;
const FORMATS: Record<string, FormatCheck> = {
	...(fullFormats as Record<string, FormatCheck>),
	time: TIME,
};

function formatOk(format: string, value: string): boolean {
	const check = FORMATS[format];
	if (check === undefined) return true;
	const test = typeof check === 'object' && !(check instanceof RegExp) ? check.validate : check;
	return test instanceof RegExp ? test.test(value) : test(value);
}

const patterns = new Map<string, RegExp>();
const jsonValidators = new Map<string, Validator<unknown>>();

/** Options: `partial` makes every model field optional, all the way down (example outputs). */
export interface ExampleValidation {
	readonly partial: boolean;
}

/** Validates a value against a type node; gives every issue with a JSON pointer. */
export function validateExample(
	node: TypeNode,
	value: unknown,
	options: ExampleValidation,
): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	check(node, value, '', options.partial, issues);
	return issues;
}

function issue(issues: ValidationIssue[], path: string, code: string, message: string): false {
	issues.push({ path, code, message });
	return false;
}

function typeName(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function check(
	node: TypeNode,
	value: unknown,
	path: string,
	partial: boolean,
	issues: ValidationIssue[],
): boolean {
	switch (node.kind) {
		case 'scalar':
			return checkScalar(node, value, path, issues);
		case 'enum':
			if (typeof value === 'string' && node.values.includes(value)) return true;
			return issue(
				issues,
				path,
				'enum',
				`must be one of ${node.values.map((v) => JSON.stringify(v)).join(', ')}`,
			);
		case 'literal':
			return (
				value === node.value ||
				issue(issues, path, 'literal', `must be ${JSON.stringify(node.value)}`)
			);
		case 'model': {
			if (typeName(value) !== 'object') return issue(issues, path, 'type', 'must be an object');
			const record = value as Record<string, unknown>;
			let ok = true;
			for (const [name, field] of Object.entries(node.fields)) {
				const at = `${path}/${escapePointer(name)}`;
				if (!(name in record) || record[name] === undefined) {
					if (!field.isOptional && !partial && field.default === undefined) {
						ok = issue(issues, at, 'required', 'is required');
					}
					continue;
				}
				ok = checkField(field, record[name], at, partial, issues) && ok;
			}
			for (const key of Object.keys(record)) {
				if (!(key in node.fields))
					ok = issue(
						issues,
						`${path}/${escapePointer(key)}`,
						'unknown_key',
						'is not a declared field',
					);
			}
			return ok;
		}
		case 'array': {
			if (!Array.isArray(value)) return issue(issues, path, 'type', 'must be an array');
			let ok = true;
			if (node.minItems !== undefined && value.length < node.minItems) {
				ok = issue(issues, path, 'minItems', `must NOT have fewer than ${node.minItems} items`);
			}
			if (node.maxItems !== undefined && value.length > node.maxItems) {
				ok = issue(issues, path, 'maxItems', `must NOT have more than ${node.maxItems} items`);
			}
			value.forEach((item, i) => {
				ok = check(node.items, item, `${path}/${i}`, partial, issues) && ok;
			});
			return ok;
		}
		case 'record': {
			if (typeName(value) !== 'object') return issue(issues, path, 'type', 'must be an object');
			let ok = true;
			for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
				ok = check(node.values, item, `${path}/${escapePointer(key)}`, partial, issues) && ok;
			}
			return ok;
		}
		case 'union': {
			if (node.discriminator) {
				const tag =
					typeName(value) === 'object'
						? (value as Record<string, unknown>)[node.discriminator]
						: undefined;
				const variant = node.variants.find(
					(v) =>
						v.kind === 'model' &&
						(v.fields[node.discriminator!]?.type as { value?: unknown } | undefined)?.value === tag,
				);
				if (!variant)
					return issue(
						issues,
						path,
						'discriminator',
						`has no variant with ${node.discriminator} ${JSON.stringify(tag)}`,
					);
				return check(variant, value, path, partial, issues);
			}
			const attempts = node.variants.map((v) => {
				const own: ValidationIssue[] = [];
				return check(v, value, path, partial, own) ? undefined : own;
			});
			if (attempts.some((a) => a === undefined)) return true;
			return issue(issues, path, 'anyOf', 'must match one of the union variants');
		}
		case 'json-schema': {
			const id = JSON.stringify(node.schema);
			let validator = jsonValidators.get(id);
			if (!validator) {
				validator = compileValidator(node, { unknownKeys: 'reject' });
				jsonValidators.set(id, validator);
			}
			const result = validator.validate(structuredClone(value));
			if (result.ok) return true;
			for (const i of result.issues) issues.push({ ...i, path: `${path}${i.path}` });
			return false;
		}
	}
}

function checkField(
	field: FieldNode,
	value: unknown,
	path: string,
	partial: boolean,
	issues: ValidationIssue[],
): boolean {
	if (value === null)
		return field.isNullable === true || issue(issues, path, 'type', 'must not be null');
	if (!field.isArray) return check(field.type, value, path, partial, issues);
	if (!Array.isArray(value)) return issue(issues, path, 'type', 'must be an array');
	let ok = true;
	value.forEach((item, i) => {
		ok = check(field.type, item, `${path}/${i}`, partial, issues) && ok;
	});
	return ok;
}

function checkScalar(
	node: ScalarNode,
	value: unknown,
	path: string,
	issues: ValidationIssue[],
): boolean {
	const schema = { ...SCALARS[node.name].jsonSchema, ...node.constraints } as Record<
		string,
		unknown
	>;
	const type = schema.type as string | undefined;
	if (type === undefined) return true;
	const actual = typeName(value);
	const typeOk =
		type === 'integer'
			? Number.isInteger(value)
			: type === 'number'
				? actual === 'number' && Number.isFinite(value)
				: actual === type;
	if (!typeOk)
		return issue(
			issues,
			path,
			'type',
			`must be ${type === 'integer' || type === 'object' ? 'an' : 'a'} ${type}`,
		);
	let ok = true;
	if (typeof value === 'string') {
		const length = [...value].length;
		const { minLength, maxLength, pattern, format } = schema as Record<string, never>;
		if (minLength !== undefined && length < minLength)
			ok = issue(issues, path, 'minLength', `must NOT have fewer than ${minLength} characters`);
		if (maxLength !== undefined && length > maxLength)
			ok = issue(issues, path, 'maxLength', `must NOT have more than ${maxLength} characters`);
		if (pattern !== undefined && !regex(pattern).test(value))
			ok = issue(issues, path, 'pattern', `must match pattern "${pattern}"`);
		if (format !== undefined && !formatOk(format, value))
			ok = issue(issues, path, 'format', `must be a valid ${format}`);
	}
	if (typeof value === 'number') {
		const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema as Record<
			string,
			number | undefined
		>;
		if (minimum !== undefined && value < minimum)
			ok = issue(issues, path, 'minimum', `must be >= ${minimum}`);
		if (maximum !== undefined && value > maximum)
			ok = issue(issues, path, 'maximum', `must be <= ${maximum}`);
		if (exclusiveMinimum !== undefined && value <= exclusiveMinimum)
			ok = issue(issues, path, 'exclusiveMinimum', `must be > ${exclusiveMinimum}`);
		if (exclusiveMaximum !== undefined && value >= exclusiveMaximum)
			ok = issue(issues, path, 'exclusiveMaximum', `must be < ${exclusiveMaximum}`);
		if (
			multipleOf !== undefined &&
			Math.abs(value / multipleOf - Math.round(value / multipleOf)) > 1e-9
		) {
			ok = issue(issues, path, 'multipleOf', `must be multiple of ${multipleOf}`);
		}
	}
	return ok;
}

function regex(pattern: string): RegExp {
	let compiled = patterns.get(pattern);
	if (!compiled) {
		compiled = new RegExp(pattern, 'u');
		patterns.set(pattern, compiled);
	}
	return compiled;
}

function escapePointer(segment: string): string {
	return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
