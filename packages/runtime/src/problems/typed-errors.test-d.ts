/*
 * Type-level tests, checked by `npm run typecheck` (tsc), never run: a handler raises only the
 * errors its contract declares, with the declared data, and a client sees exactly those.
 */
import { defineSchemaModel, f, listOf } from '@charter/schema';
import { type DeclaredProblem, declaredProblem, defineCommand, defineQuery } from '@charter/spec';
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { implement } from '../executor/implement.ts';
import type { ContractError } from './contract-error.ts';

const Issue = defineSchemaModel({
	name: 'Issue',
	fields: { path: f.string(), message: f.string() },
});
const Order = defineSchemaModel({ name: 'Order', fields: { id: f.string() } });
const meta = { version: '1.0.0', owners: ['@t'] } as const;

const Submit = defineCommand({
	meta: { ...meta, key: 'shop.order.submit' },
	io: { input: Order, output: Order },
	policy: { auth: 'user' },
	errors: {
		NOT_FOUND: { status: 404, description: 'No such order.' },
		ORDER_INVALID: { status: 422, description: 'The order has issues.', data: listOf(Issue) },
	},
});
const Get = defineQuery({
	meta: { ...meta, key: 'shop.order.get' },
	io: { input: Order, output: Order },
	policy: { auth: 'user' },
});

export const submit = implement(Submit, (input, ctx) => {
	// A declared error without data: the details are optional.
	expectTypeOf(ctx.errors.NOT_FOUND()).toEqualTypeOf<ContractError<'NOT_FOUND', undefined>>();
	ctx.errors.NOT_FOUND({ detail: `no order ${input.id}` });
	// A declared error with data: the data is required and typed.
	const invalid = ctx.errors.ORDER_INVALID({ data: [{ path: '/id', message: 'taken' }] });
	expectTypeOf(invalid.code).toEqualTypeOf<'ORDER_INVALID'>();
	expectTypeOf(invalid.data).toEqualTypeOf<{ path: string; message: string }[] | undefined>();
	// @ts-expect-error ORDER_INVALID declares data: it cannot be left out
	ctx.errors.ORDER_INVALID({ detail: 'no data' });
	// @ts-expect-error the data has the declared shape
	ctx.errors.ORDER_INVALID({ data: [{ path: '/id' }] });
	// @ts-expect-error NOT_FOUND declares no data
	ctx.errors.NOT_FOUND({ data: 1 });
	// @ts-expect-error an undeclared code does not compile
	ctx.errors.CONFLICT();
	if (input.id === '') throw invalid;
	return input;
});

// Error data may be a Standard Schema (Zod here): typed from it, converted at definition.
const Hold = defineCommand({
	meta: { ...meta, key: 'shop.order.hold' },
	io: { input: Order, output: Order },
	policy: { auth: 'user' },
	errors: {
		HELD: {
			status: 409,
			description: 'On hold.',
			data: z.object({ until: z.iso.datetime(), by: z.string().optional() }),
		},
	},
});

export const hold = implement(Hold, (input, ctx) => {
	const held = ctx.errors.HELD({ data: { until: '2026-12-06T10:00:00Z' } });
	expectTypeOf(held.data).toEqualTypeOf<{ until: string; by?: string | undefined } | undefined>();
	// @ts-expect-error the data has the Zod schema's shape
	ctx.errors.HELD({ data: { until: 1 } });
	// @ts-expect-error HELD declares data: it cannot be left out
	ctx.errors.HELD();
	if (input.id === '') throw held;
	return input;
});

export const get = implement(Get, (input, ctx) => {
	// @ts-expect-error a contract that declares no errors has none to raise
	ctx.errors.NOT_FOUND();
	return input;
});

export function clientSide(error: unknown) {
	expectTypeOf<DeclaredProblem<typeof Submit>['code']>().toEqualTypeOf<
		'NOT_FOUND' | 'ORDER_INVALID'
	>();
	expectTypeOf<DeclaredProblem<typeof Get>>().toEqualTypeOf<never>();
	const declared = declaredProblem(error, Submit);
	switch (declared?.code) {
		case 'ORDER_INVALID':
			expectTypeOf(declared.data).toEqualTypeOf<{ path: string; message: string }[]>();
			break;
		case 'NOT_FOUND':
			expectTypeOf(declared.data).toEqualTypeOf<undefined>();
			break;
		case undefined:
			break;
		default:
			// exhaustive: no other declared code
			expectTypeOf(declared).toEqualTypeOf<never>();
	}
}
