import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../json-schema/json-schema-emitter.ts';
import { ajvFor } from './ajv-instance.ts';

/*
 * Ajv's `removeAdditional` strips keys while it tries each branch of an `anyOf`/`oneOf`, so
 * a value matching the second model of a plain union loses that model's keys in the failed
 * first branch and is then rejected. Schemas with such a union are validated without any
 * stripping ("loose": undeclared keys ignored), and only a valid value is then stripped,
 * following the branch that actually matches.
 */

type Defs = Readonly<Record<string, JsonSchema>>;

/** Tells whether a schema has a union where more than one branch may be an object. */
export function hasAmbiguousUnion(root: JsonSchema): boolean {
	const defs = (root.$defs ?? {}) as Defs;
	let found = false;
	const walk = (value: unknown): void => {
		if (found || typeof value !== 'object' || value === null) return;
		if (Array.isArray(value)) {
			for (const item of value) walk(item);
			return;
		}
		const schema = value as JsonSchema;
		for (const keyword of ['anyOf', 'oneOf'] as const) {
			const branches = schema[keyword];
			if (Array.isArray(branches) && schema.discriminator === undefined) {
				if (branches.filter((b) => mayBeObject(b as JsonSchema, defs)).length > 1) found = true;
			}
		}
		for (const child of Object.values(schema)) walk(child);
	};
	walk(root);
	return found;
}

/** Tells whether a value of a schema may be an object (a ref followed, a literal never is). */
export function mayBeObject(schema: JsonSchema, defs: Defs, depth = 0): boolean {
	const ref = typeof schema.$ref === 'string' ? resolve(schema.$ref, defs) : undefined;
	if (ref && depth < 16) return mayBeObject(ref, defs, depth + 1);
	if ('const' in schema || Array.isArray(schema.enum)) return false;
	const type = schema.type;
	if (typeof type === 'string') return type === 'object';
	if (Array.isArray(type)) return type.includes('object');
	return true;
}

function resolve(ref: string, defs: Defs): JsonSchema | undefined {
	return ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : undefined;
}

/** Copies a schema without `additionalProperties: false`, so validating it never strips nor rejects a key. */
export function looseSchema(schema: unknown): JsonSchema {
	const walk = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(walk);
		if (typeof value !== 'object' || value === null) return value;
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key, v]) => !(key === 'additionalProperties' && v === false))
				.map(([key, v]) => [key, walk(v)]),
		);
	};
	return walk(schema) as JsonSchema;
}

/**
 * Creates a function that removes undeclared keys from a value already known to be valid,
 * choosing in each union the first branch the value matches.
 */
export function createStripper(root: JsonSchema): (value: unknown) => void {
	const defs = (root.$defs ?? {}) as Defs;
	const branchChecks = new Map<JsonSchema, ValidateFunction>();
	const matches = (branch: JsonSchema, value: unknown): boolean => {
		let check = branchChecks.get(branch);
		if (!check) {
			check = ajvFor('reject').compile(looseSchema({ ...branch, $defs: defs }));
			branchChecks.set(branch, check);
		}
		return check(value) as boolean;
	};

	const strip = (schema: JsonSchema, value: unknown, depth: number): void => {
		if (depth > 64 || typeof value !== 'object' || value === null) return;
		if (typeof schema.$ref === 'string') {
			const target = resolve(schema.$ref, defs);
			if (target) strip(target, value, depth + 1);
		}
		for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
			const branches = schema[keyword] as JsonSchema[] | undefined;
			if (!Array.isArray(branches)) continue;
			if (keyword === 'allOf') {
				for (const branch of branches) strip(branch, value, depth + 1);
			} else {
				const chosen = branches.find((b) => matches(b, value));
				if (chosen) strip(chosen, value, depth + 1);
			}
		}
		if (Array.isArray(value)) {
			const items = schema.items;
			if (typeof items === 'object' && items !== null) {
				for (const item of value) strip(items as JsonSchema, item, depth + 1);
			}
			return;
		}
		const record = value as Record<string, unknown>;
		const properties = schema.properties as Record<string, JsonSchema> | undefined;
		const extra = schema.additionalProperties;
		for (const key of Object.keys(record)) {
			const declared = properties?.[key];
			if (declared) strip(declared, record[key], depth + 1);
			else if (extra === false && properties) delete record[key];
			else if (typeof extra === 'object' && extra !== null) {
				strip(extra as JsonSchema, record[key], depth + 1);
			}
		}
	};
	return (value) => strip(root, value, 0);
}
