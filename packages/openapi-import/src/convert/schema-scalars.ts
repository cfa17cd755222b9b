// String and number schemas as Charter scalars: known string formats, and the length, pattern
// and bound constraints Charter keeps.
import { type ScalarName, toUnicodePattern } from '@charter/schema';
import type { JsonObject } from '../document/openapi-source.ts';
import type { SchemaScope, SchemaSite } from './schema-scope.ts';
import type { Expr } from './type-expr.ts';

const STRING_FORMATS: Record<string, ScalarName> = {
	date: 'Date',
	'date-time': 'DateTime',
	time: 'Time',
	email: 'EmailAddress',
	uri: 'URL',
	url: 'URL',
	uuid: 'UUID',
};
/** Formats that carry no extra validation in Charter's String and need no report. */
const QUIET_FORMATS = new Set(['', 'int32', 'int64', 'float', 'double', 'password']);

/** Converts a string schema to the scalar of its format (reported when Charter has none). */
export function convertString(scope: SchemaScope, schema: JsonObject, site: SchemaSite): Expr {
	const format = typeof schema.format === 'string' ? schema.format : '';
	const name = STRING_FORMATS[format] ?? 'String';
	if (format === 'binary') {
		if (MULTIPART_PART.test(site.pointer)) return { kind: 'scalar', name: 'File' };
		scope.note(
			'fallback',
			site,
			'a binary value outside a multipart/form-data body property is read as text: a Charter File is a top-level part of a multipart body',
		);
	} else if (name === 'String' && !QUIET_FORMATS.has(format)) {
		scope.note(
			'dropped',
			site,
			`string format "${format}" is not checked by Charter (plain string)`,
		);
	}
	const constraints = pick(schema, ['minLength', 'maxLength', 'pattern']);
	if (typeof constraints.pattern === 'string') {
		const pattern = toUnicodePattern(constraints.pattern);
		if (!pattern.ok) {
			delete constraints.pattern;
			scope.note(
				'dropped',
				site,
				`pattern \`${String(schema.pattern)}\` does not compile as a Unicode regular expression (${pattern.reason}); not checked`,
			);
		} else if (pattern.changed) {
			constraints.pattern = pattern.pattern;
			scope.note(
				'normalized',
				site,
				`pattern \`${String(schema.pattern)}\` written as \`${pattern.pattern}\`: the same expression without escapes the Unicode flag rejects`,
			);
		}
	}
	return scalar(name, constraints);
}

/** A property (or a list property's item) of an operation's inline multipart request body. */
const MULTIPART_PART =
	/\/requestBody\/content\/multipart~1form-data\/schema\/properties\/[^/]+(?:\/items)?$/;

/** Converts an integer or number schema to Int or Float with its bounds. */
export function convertNumber(schema: JsonObject, type: 'integer' | 'number'): Expr {
	const constraints = pick(schema, ['minimum', 'maximum', 'multipleOf']);
	// OpenAPI 3.0 writes exclusive bounds as booleans beside minimum / maximum.
	for (const [flag, bound] of [
		['exclusiveMinimum', 'minimum'],
		['exclusiveMaximum', 'maximum'],
	] as const) {
		const value = schema[flag];
		if (typeof value === 'number') constraints[flag] = value;
		else if (value === true && typeof schema[bound] === 'number') {
			constraints[flag] = schema[bound] as number;
			delete constraints[bound];
		}
	}
	return scalar(type === 'integer' ? 'Int' : 'Float', constraints);
}

function scalar(name: ScalarName, constraints: Record<string, number | string>): Expr {
	return Object.keys(constraints).length > 0
		? { kind: 'scalar', name, constraints }
		: { kind: 'scalar', name };
}

function pick(schema: JsonObject, keys: readonly string[]): Record<string, number | string> {
	const out: Record<string, number | string> = {};
	for (const key of keys) {
		const value = schema[key];
		if (typeof value === 'number' || typeof value === 'string') out[key] = value;
	}
	return out;
}
