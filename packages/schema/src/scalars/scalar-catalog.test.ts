import { describe, expect, it } from 'vitest';
import type { ScalarName } from '../ir/type-node.ts';
import { JSON_SCHEMA_DIALECT, toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { SCALARS } from './scalar-catalog.ts';
import { ScalarTypeEnum } from './scalar-type-enum.ts';

type Factory = (typeof ScalarTypeEnum)[keyof typeof ScalarTypeEnum];

/** Every member of `ScalarTypeEnum`: its IR name, published JSON Schema, and sample values. */
const cases: Record<
	keyof typeof ScalarTypeEnum,
	{ name: ScalarName; schema: object; valid: unknown[]; invalid: unknown[] }
> = {
	String: { name: 'String', schema: { type: 'string' }, valid: ['', 'x'], invalid: [1, null] },
	String_unsecure: {
		name: 'String',
		schema: { type: 'string' },
		valid: ['', '<script>'],
		invalid: [true, {}],
	},
	Int: { name: 'Int', schema: { type: 'integer' }, valid: [0, -3, 42], invalid: [1.5, '1'] },
	Int_unsecure: { name: 'Int', schema: { type: 'integer' }, valid: [7], invalid: [0.1] },
	Float: { name: 'Float', schema: { type: 'number' }, valid: [1.5, 2], invalid: ['1.5', null] },
	Float_unsecure: { name: 'Float', schema: { type: 'number' }, valid: [-0.25], invalid: ['x'] },
	Boolean: { name: 'Boolean', schema: { type: 'boolean' }, valid: [true, false], invalid: [0] },
	ID: {
		name: 'ID',
		schema: { type: 'string', minLength: 1 },
		valid: ['inst-456'],
		invalid: ['', 456],
	},
	JSON: { name: 'JSON', schema: {}, valid: [null, 1, 'x', [1], { a: [] }], invalid: [] },
	JSONObject: {
		name: 'JSONObject',
		schema: { type: 'object' },
		valid: [{}, { a: { b: 1 } }],
		// JSON Schema `type: object` excludes arrays and null.
		invalid: [[], null, 'x'],
	},
	Date: {
		name: 'Date',
		schema: { type: 'string', format: 'date' },
		valid: ['2026-01-31', '2024-02-29'],
		invalid: ['2026-02-30', '2025-02-29', '2026-1-31', '31/01/2026', '2026-01-31T00:00:00Z'],
	},
	DateTime: {
		name: 'DateTime',
		schema: { type: 'string', format: 'date-time' },
		valid: [
			'2026-01-31T12:00:00Z',
			'2026-01-31T12:00:00.123+02:00',
			'2024-02-29T00:00:00Z',
			'2000-02-29t23:59:59z',
			'2016-12-31T23:59:60Z',
			'2016-12-31T18:59:60-05:00',
		],
		invalid: [
			'2026-01-31T12:00:00',
			'2026-01-31',
			'2026-02-30T10:00:00Z',
			'2023-02-29T00:00:00Z',
			'1900-02-29T00:00:00Z',
			'2026-13-01T00:00:00Z',
			'2026-04-31T00:00:00Z',
			'2026-01-31T12:00:60Z',
			'2026-01-31T24:00:00Z',
			'2026-01-31T12:00:00+25:00',
			1738324800000,
		],
	},
	Time: {
		name: 'Time',
		schema: { type: 'string', format: 'time' },
		valid: ['14:30:00', '14:30:00Z', '14:30:00.5+01:00', '14:30'],
		invalid: ['25:00:00', '14:60:00', '2pm'],
	},
	EmailAddress: {
		name: 'EmailAddress',
		schema: { type: 'string', format: 'email' },
		valid: ['ada@example.com'],
		invalid: ['ada@', 'example.com', ''],
	},
	URL: {
		name: 'URL',
		schema: { type: 'string', format: 'uri' },
		valid: ['https://example.com/a?b=1', 'mailto:ada@example.com'],
		invalid: ['/relative/path', 'not a url'],
	},
	PhoneNumber: {
		name: 'PhoneNumber',
		schema: { type: 'string', pattern: '^\\+[1-9][0-9]{1,14}$' },
		valid: ['+14155550100', '+33612345678'],
		invalid: ['0612345678', '+0123', '+1 415 555 0100', '+1234567890123456'],
	},
	NonEmptyString: {
		name: 'NonEmptyString',
		schema: { type: 'string', minLength: 1 },
		valid: ['a'],
		invalid: [''],
	},
	Locale: {
		name: 'Locale',
		schema: { type: 'string', pattern: SCALARS.Locale.jsonSchema.pattern },
		valid: ['en', 'fr-CA', 'zh-Hant-TW', 'es-419'],
		invalid: ['fr_CA', 'FR-ca', 'english'],
	},
	TimeZone: {
		name: 'TimeZone',
		schema: { type: 'string', pattern: SCALARS.TimeZone.jsonSchema.pattern },
		valid: ['Europe/Paris', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'],
		invalid: ['paris', '+02:00', 'Europe/'],
	},
	Latitude: {
		name: 'Latitude',
		schema: { type: 'number', minimum: -90, maximum: 90 },
		valid: [-90, 0, 48.8566, 90],
		invalid: [90.0001, -91, '48.8'],
	},
	Longitude: {
		name: 'Longitude',
		schema: { type: 'number', minimum: -180, maximum: 180 },
		valid: [-180, 2.3522, 180],
		invalid: [180.5, -181],
	},
	Currency: {
		name: 'Currency',
		schema: { type: 'string', pattern: '^[A-Z]{3}$' },
		valid: ['EUR', 'USD'],
		invalid: ['eur', 'EURO', '€'],
	},
	CountryCode: {
		name: 'CountryCode',
		schema: { type: 'string', pattern: '^[A-Z]{2}$' },
		valid: ['FR', 'US'],
		invalid: ['fr', 'FRA'],
	},
	UUID: {
		name: 'UUID',
		schema: { type: 'string', format: 'uuid' },
		valid: ['123e4567-e89b-12d3-a456-426614174000', '018f4e2a-7b1c-7d3e-9f00-0123456789ab'],
		invalid: ['123e4567e89b12d3a456426614174000', 'not-a-uuid', ''],
	},
	Decimal: {
		name: 'Decimal',
		schema: { type: 'string', pattern: SCALARS.Decimal.jsonSchema.pattern },
		valid: ['12.50', '0', '-3.1415', '100'],
		invalid: ['1e3', '12.', '.5', '007', 12.5, 'NaN'],
	},
	File: {
		name: 'File',
		schema: { type: 'string', format: 'binary' },
		valid: [new File([new Uint8Array([0, 0xff])], 'a.bin'), new Blob(['x'])],
		invalid: ['a string', {}, null],
	},
};

describe('ScalarTypeEnum', () => {
	it('has a test case for every member', () => {
		expect(Object.keys(cases).sort()).toEqual(Object.keys(ScalarTypeEnum).sort());
	});

	it('covers every scalar of the catalog', () => {
		const named = new Set(Object.values(cases).map((c) => c.name));
		expect([...named].sort()).toEqual(Object.keys(SCALARS).sort());
	});

	it('maps the seed names onto the clean ones', () => {
		expect(ScalarTypeEnum.String_unsecure()).toEqual(ScalarTypeEnum.String());
		expect(ScalarTypeEnum.Int_unsecure()).toEqual(ScalarTypeEnum.Int());
		expect(ScalarTypeEnum.Float_unsecure()).toEqual(ScalarTypeEnum.Float());
	});

	it('creates frozen nodes and leaves out empty constraints', () => {
		const node = ScalarTypeEnum.String({});
		expect(node).toEqual({ kind: 'scalar', name: 'String' });
		expect(Object.isFrozen(node)).toBe(true);
		const constrained = ScalarTypeEnum.String({ maxLength: 3 });
		expect(Object.isFrozen(constrained.constraints)).toBe(true);
	});

	for (const [member, c] of Object.entries(cases)) {
		const factory = ScalarTypeEnum[member as keyof typeof ScalarTypeEnum] as Factory;

		describe(member, () => {
			it(`is the ${c.name} scalar with its published JSON Schema`, () => {
				const node = factory();
				expect(node).toEqual({ kind: 'scalar', name: c.name });
				expect(toJsonSchema(node)).toEqual({ $schema: JSON_SCHEMA_DIALECT, ...c.schema });
			});

			const check = compileValidator(factory());
			it.each(c.valid.map((v) => [JSON.stringify(v), v]))('accepts %s', (_label, value) => {
				expect(check.validate(value)).toEqual({ ok: true, value });
			});
			if (c.invalid.length > 0) {
				it.each(c.invalid.map((v) => [JSON.stringify(v), v]))('rejects %s', (_label, value) => {
					const result = check.validate(value);
					expect(result.ok).toBe(false);
					if (!result.ok) {
						expect(result.issues.length).toBeGreaterThan(0);
						for (const issue of result.issues) expect(issue.path).toBe('');
					}
				});
			}
		});
	}
});

describe('scalar constraints', () => {
	it('enforces maxLength and reports it with its code', () => {
		const check = compileValidator(ScalarTypeEnum.String({ maxLength: 3 }));
		expect(check.validate('abc').ok).toBe(true);
		expect(check.validate('abcd')).toEqual({
			ok: false,
			issues: [{ path: '', code: 'maxLength', message: 'must NOT have more than 3 characters' }],
		});
	});

	it('lays constraints over the scalar base schema', () => {
		expect(toJsonSchema(ScalarTypeEnum.Int({ minimum: 1, maximum: 10 }))).toEqual({
			$schema: JSON_SCHEMA_DIALECT,
			type: 'integer',
			minimum: 1,
			maximum: 10,
		});
	});

	it('enforces numeric bounds, exclusive bounds and multipleOf', () => {
		const int = compileValidator(ScalarTypeEnum.Int({ minimum: 1 }));
		expect(int.is(1)).toBe(true);
		expect(int.is(0)).toBe(false);
		const price = compileValidator(
			ScalarTypeEnum.Float({ exclusiveMinimum: 0, exclusiveMaximum: 100, multipleOf: 0.5 }),
		);
		expect(price.is(99.5)).toBe(true);
		expect(price.is(0)).toBe(false);
		expect(price.is(100)).toBe(false);
		expect(price.is(1.25)).toBe(false);
	});

	it('enforces a pattern on a string and a minLength on a stricter ID', () => {
		const code = compileValidator(ScalarTypeEnum.String({ pattern: '^[a-z]+$', minLength: 2 }));
		expect(code.is('ab')).toBe(true);
		expect(code.validate('a')).toMatchObject({ ok: false, issues: [{ code: 'minLength' }] });
		expect(code.validate('AB')).toMatchObject({ ok: false, issues: [{ code: 'pattern' }] });
	});

	it('lets a constraint override the base keyword (an ID of at least 3 characters)', () => {
		const id = compileValidator(ScalarTypeEnum.ID({ minLength: 3 }));
		expect(id.is('ab')).toBe(false);
		expect(id.is('abc')).toBe(true);
	});
});
