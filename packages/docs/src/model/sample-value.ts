import type { ScalarName, TypeNode } from '@charter/schema';

const SCALAR_SAMPLES: Record<ScalarName, unknown> = {
	String: 'text',
	Int: 1,
	Float: 1.5,
	Boolean: true,
	ID: 'id-123',
	JSON: {},
	JSONObject: {},
	Date: '2026-01-31',
	DateTime: '2026-01-31T12:00:00Z',
	Time: '12:00:00',
	EmailAddress: 'ada@example.com',
	URL: 'https://example.com',
	PhoneNumber: '+14155550100',
	NonEmptyString: 'text',
	Locale: 'en',
	TimeZone: 'Europe/Paris',
	Latitude: 48.85,
	Longitude: 2.35,
	Currency: 'EUR',
	CountryCode: 'FR',
	UUID: '3f1c2a9e-8b7d-4c6a-9e5f-1a2b3c4d5e6f',
	Decimal: '12.50',
};

const samplers: {
	[K in TypeNode['kind']]: (node: Extract<TypeNode, { kind: K }>, depth: number) => unknown;
} = {
	scalar: (node) => SCALAR_SAMPLES[node.name],
	enum: (node) => node.values[0],
	literal: (node) => node.value,
	'json-schema': () => ({}),
	array: (node, depth) => [sampleValue(node.items, depth + 1)],
	record: () => ({}),
	union: (node, depth) => (node.variants[0] ? sampleValue(node.variants[0], depth + 1) : null),
	model: (node, depth) => {
		const out: Record<string, unknown> = {};
		if (depth > 3) return out;
		for (const [name, field] of Object.entries(node.fields)) {
			if (field.isOptional) continue;
			const value = sampleValue(field.type, depth + 1);
			out[name] = field.isArray ? [value] : value;
		}
		return out;
	},
};

/** Makes a plausible value of a type (required fields only), for snippets without an example. */
export function sampleValue(node: TypeNode, depth = 0): unknown {
	return (samplers[node.kind] as (n: TypeNode, d: number) => unknown)(node, depth);
}
