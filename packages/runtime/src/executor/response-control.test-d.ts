/*
 * Type-level tests, checked by `npm run typecheck` (tsc), never run: a handler sets only the
 * statuses, headers, cookies and stream its contract's `transport.rest` declares.
 */
import { defineSchemaModel, f } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { expectTypeOf } from 'vitest';
import { implement } from './implement.ts';
import { use } from './middleware.ts';
import type { DeclaredStatus } from './response-control.ts';

const Invoice = defineSchemaModel({ name: 'Invoice', fields: { id: f.string() } });
const meta = { version: '1.0.0', owners: ['@t'] } as const;

const Create = defineCommand({
	meta: { ...meta, key: 'billing.invoice.create' },
	io: { input: Invoice, output: Invoice },
	policy: { auth: 'user' },
	transport: {
		rest: {
			status: 201,
			response: {
				statuses: [202],
				headers: { Location: {} },
				cookies: { last_invoice: { maxAge: 60 } },
			},
		},
	},
});
const Get = defineQuery({
	meta: { ...meta, key: 'billing.invoice.get' },
	io: { input: Invoice, output: Invoice },
	policy: { auth: 'user' },
});
const Export = defineQuery({
	meta: { ...meta, key: 'billing.invoice.export' },
	io: { input: Invoice, output: Invoice },
	policy: { auth: 'user' },
	transport: { rest: { response: { stream: { mediaType: 'text/csv' } } } },
});

expectTypeOf<DeclaredStatus<{ readonly status: 201 }>>().toEqualTypeOf<201>();
expectTypeOf<DeclaredStatus<{}>>().toEqualTypeOf<200>();

export const create = implement(Create, (input, ctx) => {
	ctx.response.status(201).header('Location', `/v1/invoices/${input.id}`);
	ctx.response.status(202);
	ctx.response.cookie('last_invoice', input.id).clearCookie('last_invoice');
	// @ts-expect-error 200 is not declared: the default status is 201
	ctx.response.status(200);
	// @ts-expect-error 204 is not a declared status
	ctx.response.status(204);
	// @ts-expect-error an undeclared header does not compile
	ctx.response.header('X-Secret', 'x');
	// @ts-expect-error header names are the declared ones, as spelled
	ctx.response.header('location', 'x');
	// @ts-expect-error an undeclared cookie does not compile
	ctx.response.cookie('session', 'x');
	// @ts-expect-error a contract that declares no stream cannot stream
	ctx.response.stream((async function* () {})());
	return input;
});

export const get = implement(Get, (input, ctx) => {
	ctx.response.status(200);
	// @ts-expect-error a contract that declares nothing allows no other status
	ctx.response.status(201);
	// @ts-expect-error nor any header
	ctx.response.header('Location', '/');
	// @ts-expect-error nor any cookie
	ctx.response.cookie('session', 'x');
	return input;
});

export const exported = implement(Export, (input, ctx) => {
	ctx.response.stream(
		(async function* () {
			yield 'id\n';
		})(),
	);
	ctx.response.stream(new ReadableStream<Uint8Array>());
	return input;
});

// Through a middleware chain the handler's ctx is typed from its contract just the same.
const chain = use(async (_call, next) => next({ tenant: 't1' }));
export const chained = chain.implement(Create, (input, ctx) => {
	expectTypeOf(ctx.tenant).toEqualTypeOf<string>();
	ctx.response.header('Location', '/');
	// @ts-expect-error an undeclared header does not compile behind middleware either
	ctx.response.header('X-Secret', 'x');
	return input;
});
