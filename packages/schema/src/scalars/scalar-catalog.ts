import type { ScalarName } from '../ir/type-node.ts';

/** What a scalar is on the wire: its JSON Schema 2020-12 form and a one-line description. */
export interface ScalarDefinition {
	readonly name: ScalarName;
	readonly description: string;
	readonly jsonSchema: Readonly<Record<string, unknown>>;
}

const E164 = '^\\+[1-9][0-9]{1,14}$';
const BCP47 = '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';
const IANA_ZONE = '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$';
const DECIMAL = '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$';

/**
 * Every built-in scalar. The JSON Schema here is the one published in OpenAPI, MCP and the
 * docs, and the one the validators compile: what is published is what is enforced.
 */
export const SCALARS: Readonly<Record<ScalarName, ScalarDefinition>> = {
	String: { name: 'String', description: 'A UTF-8 string.', jsonSchema: { type: 'string' } },
	Int: { name: 'Int', description: 'A whole number.', jsonSchema: { type: 'integer' } },
	Float: { name: 'Float', description: 'A floating-point number.', jsonSchema: { type: 'number' } },
	Boolean: { name: 'Boolean', description: 'true or false.', jsonSchema: { type: 'boolean' } },
	ID: {
		name: 'ID',
		description: 'An opaque, non-empty identifier.',
		jsonSchema: { type: 'string', minLength: 1 },
	},
	JSON: { name: 'JSON', description: 'Any JSON value.', jsonSchema: {} },
	JSONObject: {
		name: 'JSONObject',
		description: 'A JSON object with any keys.',
		jsonSchema: { type: 'object' },
	},
	Date: {
		name: 'Date',
		description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
		jsonSchema: { type: 'string', format: 'date' },
	},
	DateTime: {
		name: 'DateTime',
		description: 'An instant, ISO 8601 / RFC 3339 with offset (2026-01-31T12:00:00Z).',
		jsonSchema: { type: 'string', format: 'date-time' },
	},
	Time: {
		name: 'Time',
		description: 'A time of day, ISO 8601 (HH:MM:SS, optional fraction and offset).',
		jsonSchema: { type: 'string', format: 'time' },
	},
	EmailAddress: {
		name: 'EmailAddress',
		description: 'An e-mail address.',
		jsonSchema: { type: 'string', format: 'email' },
	},
	URL: {
		name: 'URL',
		description: 'An absolute URI.',
		jsonSchema: { type: 'string', format: 'uri' },
	},
	PhoneNumber: {
		name: 'PhoneNumber',
		description: 'A phone number in E.164 form (+14155550100).',
		jsonSchema: { type: 'string', pattern: E164 },
	},
	NonEmptyString: {
		name: 'NonEmptyString',
		description: 'A string with at least one character.',
		jsonSchema: { type: 'string', minLength: 1 },
	},
	Locale: {
		name: 'Locale',
		description: 'A BCP 47 language tag (en, fr-CA, zh-Hant-TW).',
		jsonSchema: { type: 'string', pattern: BCP47 },
	},
	TimeZone: {
		name: 'TimeZone',
		description: 'An IANA time zone name (Europe/Paris, UTC).',
		jsonSchema: { type: 'string', pattern: IANA_ZONE },
	},
	Latitude: {
		name: 'Latitude',
		description: 'A latitude in decimal degrees.',
		jsonSchema: { type: 'number', minimum: -90, maximum: 90 },
	},
	Longitude: {
		name: 'Longitude',
		description: 'A longitude in decimal degrees.',
		jsonSchema: { type: 'number', minimum: -180, maximum: 180 },
	},
	Currency: {
		name: 'Currency',
		description: 'An ISO 4217 currency code (EUR, USD).',
		jsonSchema: { type: 'string', pattern: '^[A-Z]{3}$' },
	},
	CountryCode: {
		name: 'CountryCode',
		description: 'An ISO 3166-1 alpha-2 country code (FR, US).',
		jsonSchema: { type: 'string', pattern: '^[A-Z]{2}$' },
	},
	UUID: {
		name: 'UUID',
		description: 'An RFC 9562 UUID.',
		jsonSchema: { type: 'string', format: 'uuid' },
	},
	Decimal: {
		name: 'Decimal',
		description: 'An exact decimal number, as a string ("12.50").',
		jsonSchema: { type: 'string', pattern: DECIMAL },
	},
	File: {
		name: 'File',
		description:
			'A file: a part of a multipart/form-data body, handed to the handler as a web File (REST only).',
		jsonSchema: { type: 'string', format: 'binary' },
	},
};
