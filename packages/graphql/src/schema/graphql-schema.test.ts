import { defineSchemaModel, f, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineCommand, defineQuery } from '@charter/spec';
import { buildSchema, parse, printSchema, subscribe } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fixtureRegistry, TOKENS } from '../../test/fixtures/fixture-contracts.ts';
import { fixtureContext } from '../../test/fixtures/fixture-executor.ts';
import { createGraphqlSchema, generateSdl } from './graphql-schema.ts';

describe('generateSdl', () => {
	const sdl = generateSdl(fixtureRegistry());

	it('is accepted by graphql buildSchema and prints back identically', () => {
		expect(`${printSchema(buildSchema(sdl))}\n`).toBe(sdl);
	});

	it('is byte-identical for the same contracts', () => {
		expect(generateSdl(fixtureRegistry())).toBe(sdl);
	});

	it('names fields by wire rules: camelCase, V2 from major 2, commands as mutations', () => {
		expect(sdl).toContain('shapesShapeDescribeV2(input: NonEmptyString!): [Shape!]!');
		expect(sdl).toMatch(/type Mutation \{[^}]*notesNoteCreate\(input: CreateNoteInput!\): Note!/);
		expect(sdl).toContain('adminStatsGet: Stats!');
	});

	it('suffixes an input model with Input when the same model is an output', () => {
		expect(sdl).toContain('author: AuthorInput');
		expect(sdl).toContain('input AuthorInput {\n  id: ID!\n  email: EmailAddress\n}');
		expect(sdl).toContain('type Author {\n  id: ID!\n  email: EmailAddress\n}');
	});

	it('maps optional or nullable to nullable, lists, records, deprecations and input unions', () => {
		expect(sdl).toContain('  body: String\n  tags: [String!]!');
		expect(sdl).toContain('legacyRef: String @deprecated(reason: "Use id")');
		expect(sdl).toContain('meta: JSONObject');
		expect(sdl).toContain('ARCHIVED @deprecated(reason: "Use DELETED")');
		expect(sdl).toContain('input PingInput {\n  at: DateTime!\n  shape: JSON\n}');
		expect(sdl).toContain('union Shape = Circle | Square');
	});

	it('adds a subscription field per declared event, stating its auth rule', () => {
		expect(sdl).toMatch(
			/type Subscription \{[\s\S]*Delivered to callers allowed to call one of the operations that emit it \(notes\.note\.create; their rules aside\)[\s\S]*notesNoteCreated: Note!/,
		);
	});
});

describe('createGraphqlSchema with File inputs', () => {
	it('leaves out an operation with a File input (files travel only as REST multipart)', () => {
		const upload = defineCommand({
			meta: { key: 'a.upload', version: '1.0.0' },
			io: {
				input: defineSchemaModel({
					name: 'UploadIn',
					fields: { file: f.file(), note: f.string() },
				}),
				output: f.int().type,
			},
			policy: { auth: 'anonymous' },
			transport: { rest: { bodyMediaTypes: ['multipart/form-data'] } },
		});
		const count = defineQuery({
			meta: { key: 'a.count', version: '1.0.0' },
			io: {
				input: defineSchemaModel({ name: 'CountIn', fields: { a: f.string() } }),
				output: f.int().type,
			},
			policy: { auth: 'anonymous' },
		});
		const sdl = printSchema(createGraphqlSchema(createRegistry([count, upload])));
		expect(sdl).toContain('aCount(');
		expect(sdl).not.toMatch(/upload|File/);
	});
});

describe('createGraphqlSchema name checks', () => {
	const make = (name: string) =>
		defineSchemaModel({
			name,
			fields: { a: { type: ScalarTypeEnum.String(), isOptional: false } },
		});

	it('fails fast when two different models claim one GraphQL type name', () => {
		const q1 = defineQuery({
			meta: { key: 'a.get', version: '1.0.0' },
			io: { input: make('In'), output: make('Out') },
			policy: { auth: 'anonymous' },
		});
		const other = defineSchemaModel({
			name: 'Out',
			fields: { b: { type: ScalarTypeEnum.Int(), isOptional: false } },
		});
		const q2 = defineQuery({
			meta: { key: 'b.get', version: '1.0.0' },
			io: { input: make('In'), output: other },
			policy: { auth: 'anonymous' },
		});
		expect(() => createGraphqlSchema(createRegistry([q1, q2]))).toThrow(
			/CHARTER_GRAPHQL_NAME_CONFLICT\] type Out/,
		);
	});

	it('fails fast when a model named like a Charter scalar is served', () => {
		const q = defineQuery({
			meta: { key: 'a.get', version: '1.0.0' },
			io: { input: make('In'), output: make('DateTime') },
			policy: { auth: 'anonymous' },
		});
		expect(() => createGraphqlSchema(createRegistry([q]))).toThrow(/reserved/);
	});

	it('serves the newest minor of a major on one field and rejects two keys on one field', () => {
		const v = (version: string) =>
			defineCommand({
				meta: { key: 'a.do', version },
				io: { input: make('In'), output: make('Out') },
				policy: { auth: 'anonymous' },
			});
		const schema = createGraphqlSchema(createRegistry([v('1.0.0'), v('1.3.0'), v('2.0.0')]));
		expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(['aDo', 'aDoV2']);
		const clash = defineCommand({
			meta: { key: 'other', version: '1.0.0' },
			io: { input: make('In'), output: make('Out') },
			policy: { auth: 'anonymous' },
			transport: { graphql: { field: 'aDo' } },
		});
		expect(() => createGraphqlSchema(createRegistry([v('1.0.0'), clash]))).toThrow(
			/CHARTER_WIRE_NAME_COLLISION/,
		);
	});
});

describe('createGraphqlSchema with only', () => {
	const Author = defineSchemaModel({
		name: 'Author',
		fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
	});
	const Receipt = defineSchemaModel({
		name: 'Receipt',
		fields: { ok: { type: ScalarTypeEnum.Boolean(), isOptional: false } },
	});
	const getAuthor = defineQuery({
		meta: { key: 'authors.author.get', version: '1.0.0' },
		io: { input: defineSchemaModel({ name: 'GetAuthor', fields: {} }), output: Author },
		policy: { auth: 'anonymous' },
	});
	const setAuthor = defineCommand({
		meta: { key: 'authors.author.set', version: '1.0.0' },
		io: {
			input: defineSchemaModel({
				name: 'SetAuthor',
				fields: { author: { type: Author, isOptional: false } },
			}),
			output: Receipt,
		},
		policy: { auth: 'anonymous' },
	});

	it('builds only the named fields, with the names the whole schema gives their types', () => {
		const registry = createRegistry([getAuthor, setAuthor]);
		const whole = printSchema(createGraphqlSchema(registry));
		const part = printSchema(
			createGraphqlSchema(registry, { only: new Set(['authorsAuthorSet']) }),
		);
		// Author is an output of a field left out: the input copy is still AuthorInput.
		expect(part).toContain('input SetAuthor {\n  author: AuthorInput!\n}');
		expect(part).not.toContain('authorsAuthorGet');
		expect(part).not.toMatch(/^type Author /m);
		for (const block of part.split('\n\n').filter((b) => !/^type (Query|Mutation) /.test(b))) {
			expect(whole).toContain(block);
		}
	});
});

describe('subscriptions', () => {
	it('answers UNAVAILABLE (503) when the event bus cannot listen, without its reason', async () => {
		let stopped = 0;
		const schema = createGraphqlSchema(fixtureRegistry(), {
			context: fixtureContext,
			events: {
				listen: () =>
					Object.assign(() => void stopped++, {
						ready: Promise.reject(new Error('nats: stream not found')),
					}),
			},
		});
		const result = await subscribe({
			schema,
			document: parse('subscription { notesNoteCreated { title } }'),
			contextValue: {
				metadata: { headers: { authorization: `Bearer ${TOKENS.user}` }, transport: 'graphql' },
			},
		});
		expect(result).toMatchObject({
			errors: [{ extensions: { code: 'UNAVAILABLE', status: 503 } }],
		});
		expect(JSON.stringify(result)).not.toContain('stream not found');
		expect(stopped).toBe(1);
	});
});
