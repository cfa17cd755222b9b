import { defineEnum } from '@charter/schema';
import { defineEvent, defineQuery } from '@charter/spec';
import { Color, type CorpusCase, command, model, S, verdicts } from './corpus-case.ts';

type Fields = Parameters<typeof model>[1];

const field = (type: Fields[string]['type'], more: Partial<Fields[string]> = {}) => ({
	type,
	isOptional: false,
	...more,
});

/** A query `corpus.thing.find@1.0.0` (REST GET: its top-level input comes from the query string). */
const query = (input: Fields) =>
	defineQuery({
		meta: { key: 'corpus.thing.find', version: '1.0.0', stability: 'stable', owners: ['@corpus'] },
		io: {
			input: model('FindInput', input),
			output: model('Found', { ok: field(S.Boolean()) }),
		},
		policy: { auth: 'user' },
	});

const Kebab = defineEnum('Color', ['RED', 'GREEN', 'in-progress']);
const event = (fields: Fields) =>
	defineEvent({
		meta: { key: 'corpus.thing.done', version: '1.0.0', stability: 'stable' },
		payload: model('Done', fields),
	});
const inOut = (side: 'input' | 'output', name: string, fields: Fields) =>
	command({ [side]: model(name, fields) });

/** Where one surface's rules give another verdict than the others'. */
export const SURFACE_CASES: readonly CorpusCase[] = [
	{
		name: 'REST query coercion: a GET input Int -> String still takes every query string',
		before: [query({ n: field(S.Int()) })],
		after: [query({ n: field(S.String()) })],
		expected: ['type-changed:breaking@$.input.n'],
		surfaces: [verdicts('breaking', { rest: 'safe' })],
	},
	{
		name: 'REST query coercion: a GET input scalar -> list of it (one value is a one-item list)',
		before: [query({ tag: field(S.String()) })],
		after: [query({ tag: field(S.String(), { isArray: true }) })],
		expected: ['type-changed:breaking@$.input.tag'],
		surfaces: [verdicts('breaking', { rest: 'safe' })],
	},
	{
		name: 'REST query coercion does not apply to a POST body',
		before: [inOut('input', 'In', { n: field(S.Int()) })],
		after: [inOut('input', 'In', { n: field(S.String()) })],
		expected: ['type-changed:breaking@$.input.n'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'enum serialization: a value GraphQL cannot name turns the input enum into String',
		before: [inOut('input', 'In', { c: field(Color) })],
		after: [inOut('input', 'In', { c: field(Kebab) })],
		expected: ['enum-value-added:breaking@$.input.c'],
		surfaces: [verdicts('safe', { graphql: 'breaking' })],
	},
	{
		name: 'enum serialization: the same on the output is a leaf still, dangerous everywhere',
		before: [inOut('output', 'Out', { c: field(Color) })],
		after: [inOut('output', 'Out', { c: field(Kebab) })],
		expected: ['enum-value-added:dangerous@$.output.c'],
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'nullability: an optional output that may now be null is the same nullable in GraphQL',
		before: [inOut('output', 'Out', { a: field(S.String(), { isOptional: true }) })],
		after: [
			inOut('output', 'Out', { a: field(S.String(), { isOptional: true, isNullable: true }) }),
		],
		expected: ['nullable-added:breaking@$.output.a'],
		surfaces: [verdicts('breaking', { graphql: 'safe' })],
	},
	{
		name: 'nullability: a nullable output that may now be absent is null in GraphQL either way',
		before: [inOut('output', 'Out', { a: field(S.String(), { isNullable: true }) })],
		after: [
			inOut('output', 'Out', { a: field(S.String(), { isOptional: true, isNullable: true }) }),
		],
		expected: ['field-made-optional:breaking@$.output.a'],
		surfaces: [verdicts('breaking', { graphql: 'safe' })],
	},
	{
		name: 'input coercion: GraphQL drops a null sent for an optional input that no longer allows it',
		before: [
			inOut('input', 'In', { a: field(S.String(), { isOptional: true, isNullable: true }) }),
		],
		after: [inOut('input', 'In', { a: field(S.String(), { isOptional: true }) })],
		expected: ['nullable-removed:breaking@$.input.a'],
		surfaces: [verdicts('breaking', { graphql: 'safe' })],
	},
	{
		name: 'output Float -> Int: a leaf stays selectable, and every value was a number before',
		before: [inOut('output', 'Out', { a: field(S.Float()) })],
		after: [inOut('output', 'Out', { a: field(S.Int()) })],
		expected: ['type-narrowed:safe@$.output.a'],
		surfaces: [verdicts('safe')],
	},
	{
		name: 'output model renamed: GraphQL fragments on the old type fail; the JSON wire is unchanged',
		before: [inOut('output', 'Out', { a: field(model('Inner', { x: field(S.Int()) })) })],
		after: [inOut('output', 'Out', { a: field(model('Inside', { x: field(S.Int()) })) })],
		expected: ['type-renamed:breaking@$.output.a'],
		surfaces: [verdicts('dangerous', { rest: 'info', mcp: 'info', graphql: 'breaking' })],
	},
	{
		name: 'input model renamed: a `$input: In!` variable no longer fits',
		before: [inOut('input', 'In', { id: field(S.ID()) })],
		after: [inOut('input', 'PauseInput', { id: field(S.ID()) })],
		expected: ['type-renamed:breaking@$.input'],
		surfaces: [verdicts('dangerous', { rest: 'info', mcp: 'info', graphql: 'breaking' })],
	},
	{
		name: 'output enum renamed: no query names an output enum, generated names change',
		before: [inOut('output', 'Out', { c: field(Color) })],
		after: [inOut('output', 'Out', { c: field(defineEnum('Hue', ['RED', 'GREEN'])) })],
		expected: ['type-renamed:dangerous@$.output.c'],
		surfaces: [verdicts('dangerous', { rest: 'info', mcp: 'info' })],
	},
	{
		name: 'event payload: its consumers are the bus and GraphQL subscriptions',
		before: [event({ id: field(S.ID()), n: field(S.Int()) })],
		after: [event({ id: field(S.ID()), n: field(S.Float()) })],
		expected: ['type-widened:breaking@$.payload.n'],
		surfaces: [{ events: 'breaking', graphql: 'breaking' }],
	},
	{
		name: 'event payload: an optional field that may now be null breaks the bus only',
		before: [event({ id: field(S.ID()), note: field(S.String(), { isOptional: true }) })],
		after: [
			event({
				id: field(S.ID()),
				note: field(S.String(), { isOptional: true, isNullable: true }),
			}),
		],
		expected: ['nullable-added:breaking@$.payload.note'],
		surfaces: [{ events: 'breaking', graphql: 'safe' }],
	},
	{
		name: 'served surfaces: a project serving only REST and MCP takes Int -> Float input as safe',
		before: [inOut('input', 'In', { n: field(S.Int()) })],
		after: [inOut('input', 'In', { n: field(S.Float()) })],
		served: ['rest', 'mcp'],
		expected: ['type-widened:safe@$.input.n'],
		surfaces: [verdicts('safe', { graphql: 'breaking' })],
	},
	{
		name: 'served surfaces: a GraphQL field rename is info to a project without GraphQL',
		before: [command()],
		after: [command({ transport: { graphql: { field: 'doThing' } } })],
		served: ['rest', 'openapi', 'mcp', 'sdk'],
		expected: ['graphql-field-changed:info@$.transport.graphql'],
		surfaces: [{ graphql: 'breaking' }],
	},
];
