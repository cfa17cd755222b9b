import { describe, expect, it } from 'vitest';
import { SchemaDefinitionError } from '../errors.ts';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { defineEnum } from './define-enum.ts';

describe('defineEnum', () => {
	it('keeps the values in order and emits a titled string enum', () => {
		const Status = defineEnum('Status', ['PENDING', 'RUNNING'], { description: 'Lifecycle.' });
		expect(Status).toEqual({
			kind: 'enum',
			name: 'Status',
			description: 'Lifecycle.',
			values: ['PENDING', 'RUNNING'],
		});
		expect(toJsonSchema(Status)).toEqual({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			type: 'string',
			title: 'Status',
			description: 'Lifecycle.',
			enum: ['PENDING', 'RUNNING'],
		});
	});

	it('keeps per-value descriptions and deprecations, and only those', () => {
		const Decision = defineEnum('Decision', {
			APPROVE: { description: 'Accept' },
			REJECT: {},
			ABSTAIN: { deprecated: 'Use REJECT' },
		});
		expect(Decision.values).toEqual(['APPROVE', 'REJECT', 'ABSTAIN']);
		expect(Decision.valueInfo).toEqual({
			APPROVE: { description: 'Accept' },
			ABSTAIN: { deprecated: 'Use REJECT' },
		});
	});

	it('validates case-sensitively: "paused" is not PAUSED', () => {
		const check = compileValidator(defineEnum('S', ['PAUSED', 'RUNNING']));
		expect(check.is('PAUSED')).toBe(true);
		expect(check.validate('paused')).toEqual({
			ok: false,
			issues: [{ path: '', code: 'enum', message: 'must be one of "PAUSED", "RUNNING"' }],
		});
	});

	it.each([
		['a duplicate value', ['A', 'A'], 'CHARTER_DUPLICATE_ENUM_VALUE', 'value A is listed twice'],
		['an empty value', ['A', ''], 'CHARTER_INVALID_ENUM_VALUE', '"" is not a non-empty string'],
		['no values', [], 'CHARTER_EMPTY_ENUM', 'an enum needs at least one value'],
		[
			'a value that is not a string',
			['A', 1],
			'CHARTER_INVALID_ENUM_VALUE',
			'1 is not a non-empty string',
		],
	])('rejects %s', (_label, values, code, reason) => {
		const define = () => defineEnum('Color', values as string[]);
		expect(define).toThrow(SchemaDefinitionError);
		expect(define).toThrow(`enum Color: ${reason}`);
		try {
			define();
		} catch (error) {
			expect((error as SchemaDefinitionError).code).toBe(code);
		}
	});

	it('rejects a name that is not an identifier', () => {
		expect(() => defineEnum('my-enum', ['A'])).toThrow(
			expect.objectContaining({ code: 'CHARTER_INVALID_TYPE_NAME' }),
		);
	});
});
