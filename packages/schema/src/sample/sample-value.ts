import type { FieldNode, ScalarName, ScalarNode, TypeNode } from '../ir/type-node.ts';
import { compileValidator } from '../validate/compile-validator.ts';

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
	File: new Blob(['sample'], { type: 'text/plain' }),
};

/** A scalar's sample, moved into its declared bounds where that is simple (lengths, ranges). */
function scalarSample(node: ScalarNode): unknown {
	const sample = SCALAR_SAMPLES[node.name];
	const c = node.constraints;
	if (!c) return sample;
	if (typeof sample === 'string') {
		let text = sample;
		if (c.minLength !== undefined && text.length < c.minLength)
			text = text.padEnd(c.minLength, 'x');
		if (c.maxLength !== undefined && text.length > c.maxLength) text = text.slice(0, c.maxLength);
		return text;
	}
	if (typeof sample === 'number') {
		let value = sample;
		if (c.minimum !== undefined && value < c.minimum) value = c.minimum;
		if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum)
			value = c.exclusiveMinimum + 1;
		if (c.maximum !== undefined && value > c.maximum) value = c.maximum;
		if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum)
			value = c.exclusiveMaximum - 1;
		return value;
	}
	return sample;
}

const fieldSample = (field: FieldNode, depth: number) => {
	const value = sampleValue(field.type, depth + 1);
	return field.isArray ? [value] : value;
};

const samplers: {
	[K in TypeNode['kind']]: (node: Extract<TypeNode, { kind: K }>, depth: number) => unknown;
} = {
	scalar: (node) => scalarSample(node),
	enum: (node) => node.values[0],
	literal: (node) => node.value,
	'json-schema': () => ({}),
	array: (node, depth) =>
		Array.from({ length: Math.max(1, node.minItems ?? 1) }, () =>
			sampleValue(node.items, depth + 1),
		),
	record: () => ({}),
	union: (node, depth) => (node.variants[0] ? sampleValue(node.variants[0], depth + 1) : null),
	model: (node, depth) => {
		const out: Record<string, unknown> = {};
		if (depth > 3) return out;
		for (const [name, field] of Object.entries(node.fields)) {
			if (field.isOptional) continue;
			out[name] = field.examples?.[0] ?? fieldSample(field, depth);
		}
		return out;
	},
};

/**
 * Makes a plausible value of a type: required fields only, each scalar a typical value of its
 * kind (a field's first declared example wins), for snippets and docs without an example.
 * It is not checked against patterns; {@link completeExample} gives only valid values.
 *
 * @example sampleValue(PauseResumeInputModel) // { instanceId: 'id-123' }
 */
export function sampleValue(node: TypeNode, depth = 0): unknown {
	return (samplers[node.kind] as (n: TypeNode, d: number) => unknown)(node, depth);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fills what a partial value leaves out with samples, keeping every value it gives. */
function fill(node: TypeNode, partial: unknown, depth: number): unknown {
	if (node.kind === 'model' && isRecord(partial)) {
		const out: Record<string, unknown> = {};
		for (const [name, field] of Object.entries(node.fields)) {
			if (Object.hasOwn(partial, name)) {
				const value = partial[name];
				out[name] =
					field.isArray && Array.isArray(value)
						? value.map((item) => fill(field.type, item, depth + 1))
						: value === null
							? null
							: fill(field.type, value, depth + 1);
			} else if (!field.isOptional) out[name] = fieldSample(field, depth);
		}
		// Keys the model does not declare stay, so that validation refuses them.
		for (const [name, value] of Object.entries(partial)) if (!(name in out)) out[name] = value;
		return out;
	}
	if (node.kind === 'array' && Array.isArray(partial))
		return partial.map((item) => fill(node.items, item, depth + 1));
	if (node.kind === 'union') {
		for (const variant of node.variants) {
			const candidate = fill(variant, partial, depth + 1);
			if (compileValidator(variant, { unknownKeys: 'reject' }).is(structuredClone(candidate)))
				return candidate;
		}
	}
	return partial;
}

/**
 * Completes a partial example (an acceptance example's output names only the fields it
 * checks) into a whole value of its type: missing required fields get samples. Gives
 * `undefined` when the result is still not valid against the type's published schema, so a
 * document that requires valid examples can leave it out rather than publish a wrong one.
 *
 * @example completeExample(WorkflowInstanceModel, { id: 'inst-1', status: 'PAUSED' })
 */
export function completeExample(node: TypeNode, partial: unknown): unknown {
	const value = fill(node, structuredClone(partial), 0);
	return compileValidator(node, { unknownKeys: 'reject' }).is(structuredClone(value))
		? value
		: undefined;
}
