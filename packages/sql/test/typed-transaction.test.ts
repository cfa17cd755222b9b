/*
 * A handler gets the stores' transaction typed: the app declares its database once (as Kysely
 * expects), `defineSqlApp` types `stores.db`, and handlers bound with `implementFor` get each
 * command's `ctx.tx` as a `Transaction<Database>` whose writes commit or roll back with the
 * command. The `expectTypeOf` lines are checked by `npm run typecheck`; the rest runs.
 */
import {
	type AppInstance,
	CharterConfigError,
	createExecutor,
	createMemoryStores,
	type HandlerContext,
	implement,
	implementFor,
	type Stores,
	sequentialIds,
	silentLogger,
} from '@charter/runtime';
import { defineSchemaModel, f } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import type { Kysely, Transaction } from 'kysely';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createStores, defineSqlApp, type MigrationSet, type SqlStores } from '../src/index.ts';

/** The app's tables, declared once. */
interface NotesDatabase {
	readonly notes: { readonly id: string; readonly text: string };
}

const notesTables: MigrationSet = {
	scope: 'notes',
	migrations: [
		{
			version: 1,
			name: 'notes',
			async up({ db }) {
				await db.schema
					.createTable('notes')
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('text', 'text', (c) => c.notNull())
					.execute();
			},
		},
	],
};

const Note = defineSchemaModel({ name: 'Note', fields: { id: f.string(), text: f.string() } });
const meta = { version: '1.0.0', owners: ['@t'] } as const;
const AddNote = defineCommand({
	meta: { ...meta, key: 'notes.note.add' },
	io: {
		input: defineSchemaModel({
			name: 'AddNoteInput',
			fields: { text: f.string(), fail: f.boolean().optional() },
		}),
		output: Note,
	},
	policy: { auth: 'anonymous' },
});
const CountNotes = defineQuery({
	meta: { ...meta, key: 'notes.note.count' },
	io: {
		input: defineSchemaModel({ name: 'CountNotesInput', fields: {} }),
		output: defineSchemaModel({ name: 'NoteCount', fields: { count: f.int() } }),
	},
	policy: { auth: 'anonymous' },
});

/** The app's `implement`: every command's `ctx.tx` is a transaction over the notes tables. */
const implementNotes = implementFor<Transaction<NotesDatabase>>();

function notesApp(db: Kysely<NotesDatabase>): AppInstance {
	return {
		bindings: [
			implementNotes(AddNote, async (input, ctx) => {
				// A command always runs in a transaction: `ctx.tx` is one, not possibly undefined.
				expectTypeOf(ctx.tx).toEqualTypeOf<Transaction<NotesDatabase>>();
				expectTypeOf(ctx).toExtend<HandlerContext<any, any, any, Transaction<NotesDatabase>>>();
				const tx = ctx.tx;
				// @ts-expect-error: a table the database does not declare does not compile.
				tx.selectFrom('nope');
				const note = { id: `note-${input.text}`, text: input.text };
				await tx.insertInto('notes').values(note).execute();
				if (input.fail) throw new Error('after the write');
				return note;
			}),
			implementNotes(CountNotes, async (_input, ctx) => {
				// Queries run outside a transaction (typed so): the app reads through its database.
				expectTypeOf(ctx.tx).toEqualTypeOf<undefined>();
				expect(ctx.tx).toBeUndefined();
				const row = await db
					.selectFrom('notes')
					.select((eb) => eb.fn.countAll<number>().as('count'))
					.executeTakeFirstOrThrow();
				return { count: Number(row.count) };
			}),
		],
	};
}

// A middleware chain started from the typed `implement` keeps the transaction type, beside
// what its middleware adds.
const tenanted = implementNotes.use(async (_call, next) => next({ tenant: 'acme' }));
tenanted.implement(AddNote, async (input, ctx) => {
	expectTypeOf(ctx.tx).toEqualTypeOf<Transaction<NotesDatabase>>();
	expectTypeOf(ctx.tenant).toEqualTypeOf<string>();
	return { id: ctx.tenant, text: input.text };
});
tenanted.implement(CountNotes, async (_input, ctx) => {
	expectTypeOf(ctx.tx).toEqualTypeOf<undefined>();
	return { count: 0 };
});

const app = defineSqlApp<NotesDatabase>({
	migrations: [notesTables],
	create({ stores }) {
		expectTypeOf(stores).toEqualTypeOf<SqlStores<NotesDatabase>>();
		expectTypeOf(stores.db).toEqualTypeOf<Kysely<NotesDatabase>>();
		return notesApp(stores.db);
	},
});

describe('a handler gets the stores transaction typed', () => {
	it('writes through ctx.tx commit with the command, and roll back when it fails', async () => {
		const stores = await createStores<NotesDatabase>({
			url: 'sqlite::memory:',
			migrations: app.migrations ?? [],
		});
		expectTypeOf(stores.unitOfWork.run<void>)
			.parameter(0)
			.parameter(0)
			.toHaveProperty('handle')
			.toEqualTypeOf<Transaction<NotesDatabase>>();
		try {
			const instance = await app.create({
				stores,
				clock: () => new Date(),
				newId: sequentialIds(),
			});
			const executor = createExecutor({
				bindings: instance.bindings,
				stores,
				logger: silentLogger,
			});
			const added = await executor.execute({ operation: 'notes.note.add', input: { text: 'a' } });
			expect(added).toMatchObject({ ok: true, output: { id: 'note-a', text: 'a' } });
			const failed = await executor.execute({
				operation: 'notes.note.add',
				input: { text: 'b', fail: true },
			});
			expect(failed.ok).toBe(false);
			const rows = await stores.db.selectFrom('notes').select('id').execute();
			expect(rows).toEqual([{ id: 'note-a' }]);
			const count = await executor.execute({ operation: 'notes.note.count', input: {} });
			expect(count).toMatchObject({ ok: true, output: { count: 1 } });
		} finally {
			await stores.close();
		}
	});

	it('the memory stores have no native transaction: ctx.tx is undefined, typed so', async () => {
		const stores = createMemoryStores();
		expectTypeOf(stores).toEqualTypeOf<Stores<undefined>>();
		const seen: unknown[] = [];
		const executor = createExecutor({
			bindings: [
				implementFor<undefined>()(AddNote, (input, ctx) => {
					expectTypeOf(ctx.tx).toEqualTypeOf<undefined>();
					seen.push(ctx.tx);
					return { id: 'n', text: input.text };
				}),
			],
			stores,
			logger: silentLogger,
		});
		expect(
			await executor.execute({ operation: 'notes.note.add', input: { text: 'x' } }),
		).toMatchObject({
			ok: true,
		});
		expect(seen).toEqual([undefined]);
	});

	it('a handler bound with plain implement sees ctx.tx as unknown, never any', () => {
		implement(AddNote, (input, ctx) => {
			expectTypeOf(ctx.tx).toEqualTypeOf<unknown>();
			return { id: 'n', text: input.text };
		});
	});

	it('an app over its own tables refuses other stores with CHARTER_SQL_STORES_REQUIRED', async () => {
		const create = () =>
			app.create({ stores: createMemoryStores(), clock: () => new Date(), newId: sequentialIds() });
		await expect(async () => create()).rejects.toThrow(CharterConfigError);
		await expect(async () => create()).rejects.toThrow(/CHARTER_SQL_STORES_REQUIRED/);
	});
});
