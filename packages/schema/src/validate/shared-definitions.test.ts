import { describe, expect, it } from 'vitest';
import { defineUnion, listOf } from '../model/compose.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { compileValidator } from './compile-validator.ts';

// Named types are compiled once per Ajv instance and shared by every validator that uses them
// (see shared-definitions.ts); these specify that sharing never changes what a validator does.

const Address = defineSchemaModel({
	name: 'SharedAddress',
	fields: {
		city: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
		country: { type: ScalarTypeEnum.CountryCode(), isOptional: true, default: 'FR' },
	},
});
const Person = defineSchemaModel({
	name: 'SharedPerson',
	fields: { home: { type: Address, isOptional: false } },
});
const Company = defineSchemaModel({
	name: 'SharedCompany',
	fields: { offices: { type: Address, isOptional: false, isArray: true } },
});

describe('named types shared between validators', () => {
	it('strips, fills defaults and reports paths through a shared type, in every validator', () => {
		const person = { home: { city: 'Lyon', floor: 3 } };
		expect(compileValidator(Person).validate(person)).toEqual({
			ok: true,
			value: { home: { city: 'Lyon', country: 'FR' } },
		});
		expect(
			compileValidator(Company).validate({ offices: [{ city: 'Nice' }, { city: '' }] }),
		).toEqual({
			ok: false,
			issues: [expect.objectContaining({ path: '/offices/1/city' })],
		});
		expect(
			compileValidator(Company, { unknownKeys: 'reject' }).validate({
				offices: [{ city: 'Nice', floor: 1 }],
			}),
		).toMatchObject({ ok: false, issues: [{ path: '/offices/0/floor', code: 'unknown_key' }] });
	});

	it('keeps two different types of one name apart (two apps in one process)', () => {
		const tagged = (field: 'a' | 'b') =>
			defineSchemaModel({
				name: 'Twin',
				fields: { [field]: { type: ScalarTypeEnum.Int(), isOptional: false } },
			});
		const holderOf = (twin: ReturnType<typeof tagged>, name: string) =>
			defineSchemaModel({ name, fields: { twin: { type: twin, isOptional: false } } });
		const first = compileValidator(holderOf(tagged('a'), 'HolderA'), {
			unknownKeys: 'reject',
		});
		const second = compileValidator(holderOf(tagged('b'), 'HolderB'), {
			unknownKeys: 'reject',
		});
		expect(first.is({ twin: { a: 1 } })).toBe(true);
		expect(first.is({ twin: { b: 1 } })).toBe(false);
		expect(second.is({ twin: { b: 1 } })).toBe(true);
		expect(second.is({ twin: { a: 1 } })).toBe(false);
	});

	it('still validates a field whose name is a data keyword (`default`, `enum`)', () => {
		const Settings = defineSchemaModel({
			name: 'SharedSettings',
			fields: {
				default: { type: Address, isOptional: false },
				enum: { type: listOf(Address), isOptional: true },
			},
		});
		const check = compileValidator(Settings);
		expect(check.is({ default: { city: 'Metz' }, enum: [{ city: 'Pau' }] })).toBe(true);
		expect(check.is({ default: { city: '' } })).toBe(false);
		expect(check.is({ default: { city: 'Metz' }, enum: [{}] })).toBe(false);
	});

	it('strips by the matching branch of a union of shared types', () => {
		const Owner = defineUnion({ name: 'SharedOwner', variants: [Person, Company] });
		const Holder = defineSchemaModel({
			name: 'SharedHolder',
			fields: { owner: { type: Owner, isOptional: false } },
		});
		expect(
			compileValidator(Holder).validate({ owner: { offices: [{ city: 'Brest' }], x: 1 } }),
		).toEqual({
			ok: true,
			value: { owner: { offices: [{ city: 'Brest', country: 'FR' }] } },
		});
	});
});
