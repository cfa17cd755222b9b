import { type Binding, implement } from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';

/*
 * Contracts that declare their success response (`transport.rest`): a create answering 201 with
 * `Location` and a cookie (or 202 when queued), a delete answering 204, a CSV download streamed.
 * The REST, OpenAPI, client and cross-surface tests share them.
 */

const meta = { version: '1.0.0', owners: ['@t'], description: 'x.' } as const;

export const Invoice = defineSchemaModel({
	name: 'Invoice',
	fields: { id: f.string(), total: f.string(), queued: f.boolean().optional() },
});
const CreateInput = defineSchemaModel({
	name: 'CreateInvoiceInput',
	fields: { total: f.string(), later: f.boolean().optional(), sneaky: f.boolean().optional() },
});

export const CreateInvoice = defineCommand({
	meta: { ...meta, key: 'billing.invoice.create' },
	io: { input: CreateInput, output: Invoice },
	policy: { auth: 'anonymous' },
	errors: { TOTAL_NEGATIVE: { status: 422, description: 'The total is below zero.' } },
	transport: {
		rest: {
			status: 201,
			response: {
				statuses: [202],
				headers: { Location: { description: 'Where the new invoice is read.' } },
				cookies: { last_invoice: { description: 'The last invoice created.', maxAge: 3600 } },
			},
		},
	},
});

export const DeleteInvoice = defineCommand({
	meta: { ...meta, key: 'billing.invoice.delete' },
	io: {
		input: defineSchemaModel({ name: 'DeleteInvoiceInput', fields: { id: f.string() } }),
		output: Invoice,
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { status: 204 } },
});

export const ExportInvoices = defineQuery({
	meta: { ...meta, key: 'billing.invoice.export' },
	io: {
		input: defineSchemaModel({
			name: 'ExportInvoicesInput',
			fields: { rows: f.int().withDefault(2) },
		}),
		output: defineSchemaModel({ name: 'InvoiceExport', fields: { rows: f.int() } }),
	},
	policy: { auth: 'anonymous' },
	transport: {
		rest: { response: { stream: { mediaType: 'text/csv', description: 'One line per invoice.' } } },
	},
});

/** The CSV `ExportInvoices` streams for `rows` rows. */
export function invoiceCsv(rows: number): string {
	let text = 'id,total\n';
	for (let i = 1; i <= rows; i++) text += `inv-${i},${i}.00\n`;
	return text;
}

const openSources = new Set<object>();

/** How many CSV sources `ExportInvoices` made are still open (neither read to the end nor ended). */
export function openExportSources(): number {
	return openSources.size;
}

/** The CSV of `rows` rows, line by line, as a source that says when it is done or ended. */
function csvSource(rows: number): AsyncIterableIterator<string> {
	const lines = invoiceCsv(rows).split(/(?<=\n)/);
	let next = 0;
	const source: AsyncIterableIterator<string> = {
		[Symbol.asyncIterator]: () => source,
		async next() {
			if (next < lines.length) return { done: false, value: lines[next++]! };
			openSources.delete(source);
			return { done: true, value: undefined };
		},
		async return() {
			next = lines.length;
			openSources.delete(source);
			return { done: true, value: undefined };
		},
	};
	openSources.add(source);
	return source;
}

/** Handlers: every create is `inv-1`; `later` queues it (202); `sneaky` sets an undeclared header. */
export const responseBindings: readonly Binding<any>[] = [
	implement(CreateInvoice, (input, ctx) => {
		if (input.total.startsWith('-')) throw ctx.errors.TOTAL_NEGATIVE();
		if (input.sneaky) {
			// What a loosely typed (or plain JS) handler could do: refused at run time.
			ctx.response.header('X-Undeclared' as 'Location', 'x');
		}
		if (input.later) {
			ctx.response.status(202);
			return { id: 'inv-1', total: input.total, queued: true };
		}
		ctx.response
			.status(201)
			.header('Location', '/v1/invoices/inv-1')
			.cookie('last_invoice', 'inv 1');
		return { id: 'inv-1', total: input.total };
	}),
	implement(DeleteInvoice, (input) => ({ id: input.id, total: '0.00' })),
	implement(ExportInvoices, (input, ctx) => {
		const rows = input.rows ?? 2;
		ctx.response.stream(csvSource(rows));
		return { rows };
	}),
];
