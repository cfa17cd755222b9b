import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { fromStandardSchema } from '../interop/standard-schema.ts';
import { defineUnion, type listOf, literal, recordOf } from '../model/compose.ts';
import { defineEnum } from '../model/define-enum.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import type { Infer } from './infer.ts';

// These are type-level tests: `npx tsc -p tsconfig.json` fails when an inferred type drifts.

const Status = defineEnum('Status', ['PENDING', 'RUNNING', 'PAUSED']);
const Step = defineSchemaModel({
	name: 'Step',
	fields: { key: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false } },
});

describe('Infer', () => {
	it('maps scalars to their TypeScript types', () => {
		expectTypeOf<
			Infer<ReturnType<typeof ScalarTypeEnum.String_unsecure>>
		>().toEqualTypeOf<string>();
		expectTypeOf<Infer<ReturnType<typeof ScalarTypeEnum.Int>>>().toEqualTypeOf<number>();
		expectTypeOf<Infer<ReturnType<typeof ScalarTypeEnum.Boolean>>>().toEqualTypeOf<boolean>();
		expectTypeOf<Infer<ReturnType<typeof ScalarTypeEnum.DateTime>>>().toEqualTypeOf<string>();
		expectTypeOf<Infer<ReturnType<typeof ScalarTypeEnum.JSON>>>().toEqualTypeOf<unknown>();
		expectTypeOf<Infer<ReturnType<typeof ScalarTypeEnum.JSONObject>>>().toEqualTypeOf<
			Record<string, unknown>
		>();
	});

	it('maps an enum to a union of string literals', () => {
		expectTypeOf<Infer<typeof Status>>().toEqualTypeOf<'PENDING' | 'RUNNING' | 'PAUSED'>();
		const WithInfo = defineEnum('D', { APPROVE: {}, REJECT: { description: 'no' } });
		expectTypeOf<Infer<typeof WithInfo>>().toEqualTypeOf<'APPROVE' | 'REJECT'>();
	});

	it('makes required, optional, nullable and list fields', () => {
		const Instance = defineSchemaModel({
			name: 'Instance',
			fields: {
				id: { type: ScalarTypeEnum.ID(), isOptional: false },
				reason: { type: ScalarTypeEnum.String(), isOptional: true },
				completedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false, isNullable: true },
				previous: { type: Status, isOptional: true, isNullable: true },
				tags: { type: ScalarTypeEnum.String(), isOptional: false, isArray: true },
				scores: { type: ScalarTypeEnum.Int(), isOptional: true, isArray: true, isNullable: true },
			},
		});
		expectTypeOf<Infer<typeof Instance>>().toEqualTypeOf<{
			id: string;
			completedAt: string | null;
			tags: string[];
			reason?: string;
			previous?: 'PENDING' | 'RUNNING' | 'PAUSED' | null;
			scores?: number[] | null;
		}>();
	});

	it('nests models', () => {
		const Workflow = defineSchemaModel({
			name: 'Workflow',
			fields: {
				steps: { type: Step, isOptional: false, isArray: true },
				current: { type: Step, isOptional: true },
			},
		});
		expectTypeOf<Infer<typeof Workflow>>().toEqualTypeOf<{
			steps: { key: string }[];
			current?: { key: string };
		}>();
	});

	it('types lists, records, literals and unions', () => {
		expectTypeOf<Infer<ReturnType<typeof listOf<typeof Status>>>>().toEqualTypeOf<
			('PENDING' | 'RUNNING' | 'PAUSED')[]
		>();
		const counts = recordOf(ScalarTypeEnum.Int());
		expectTypeOf<Infer<typeof counts>>().toEqualTypeOf<Record<string, number>>();
		const card = literal('card');
		expectTypeOf<Infer<typeof card>>().toEqualTypeOf<'card'>();
		const A = defineSchemaModel({
			name: 'A',
			fields: { t: { type: literal('a'), isOptional: false } },
		});
		const B = defineSchemaModel({
			name: 'B',
			fields: {
				t: { type: literal('b'), isOptional: false },
				n: { type: ScalarTypeEnum.Int(), isOptional: false },
			},
		});
		const AB = defineUnion({ discriminator: 't', variants: [A, B] });
		expectTypeOf<Infer<typeof AB>>().toEqualTypeOf<{ t: 'a' } | { t: 'b'; n: number }>();
	});

	it('takes Zod types from the Zod schema, directly or converted', () => {
		const Money = z.object({ amount: z.string(), currency: z.literal('EUR') });
		const Priced = defineSchemaModel({
			name: 'Priced',
			fields: {
				price: { type: Money, isOptional: false },
				discount: { type: fromStandardSchema(z.number().int()), isOptional: true },
			},
		});
		expectTypeOf<Infer<typeof Priced>>().toEqualTypeOf<{
			price: { amount: string; currency: 'EUR' };
			discount?: number;
		}>();
	});

	it('treats a field with a non-literal isOptional as optional', () => {
		const flag: boolean = Math.random() > 2;
		const Loose = defineSchemaModel({
			name: 'Loose',
			fields: { maybe: { type: ScalarTypeEnum.Int(), isOptional: flag } },
		});
		expectTypeOf<Infer<typeof Loose>>().toEqualTypeOf<{ maybe?: number }>();
	});
});
