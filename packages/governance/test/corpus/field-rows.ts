import { defineUnion, listOf, literal, recordOf } from '@charter/schema';
import {
	Color,
	ColorMinus,
	ColorPlus,
	type CorpusCase,
	command,
	model as m,
	type model,
	S,
	verdicts,
} from './corpus-case.ts';

const RANK: readonly Sev[] = ['breaking', 'dangerous', 'safe', 'info'];

type Fields = Parameters<typeof model>[1];
type Sev = 'breaking' | 'dangerous' | 'safe' | 'info';

/** A change to a model's fields, with its severity on each side (`-` = no finding there). */
interface Row {
	readonly name: string;
	readonly before: Fields;
	readonly after: Fields;
	readonly rule: string;
	readonly request: Sev;
	readonly response: Sev;
	/** Further findings the change implies, the same on both sides. */
	readonly also?: readonly string[];
	/** GraphQL's verdict where its typing differs from JSON's (only where GraphQL types the place). */
	readonly graphql?: { readonly request?: Sev; readonly response?: Sev };
}

const req = (type: Fields[string]['type'], more: Partial<Fields[string]> = {}) => ({
	type,
	isOptional: false,
	...more,
});
const opt = (type: Fields[string]['type'], more: Partial<Fields[string]> = {}) => ({
	type,
	isOptional: true,
	...more,
});

const Card = m('Card', { method: req(literal('card')), last4: req(S.String()) });
const Bank = m('Bank', { method: req(literal('bank')), iban: req(S.String()) });
const Cash = m('Cash', { method: req(literal('cash')) });
const pay2 = defineUnion({ name: 'Payment', discriminator: 'method', variants: [Card, Bank] });
const pay3 = defineUnion({
	name: 'Payment',
	discriminator: 'method',
	variants: [Card, Bank, Cash],
});

/** Every row of the table. */
export const ROWS: readonly Row[] = [
	{
		name: 'field removed',
		before: { a: req(S.String()), b: opt(S.String()) },
		after: { a: req(S.String()) },
		rule: 'field-removed',
		request: 'breaking',
		response: 'breaking',
	},
	{
		name: 'required field added (no default)',
		before: { a: req(S.String()) },
		after: { a: req(S.String()), b: req(S.Int()) },
		rule: 'required-field-added',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'required field added with a default',
		before: { a: req(S.String()) },
		after: { a: req(S.String()), b: req(S.Int(), { default: 3 }) },
		rule: 'optional-field-added',
		request: 'safe',
		response: 'safe',
		// The SDL has no default: GraphQL validation requires the field.
		graphql: { request: 'breaking' },
	},
	{
		name: 'optional field added',
		before: { a: req(S.String()) },
		after: { a: req(S.String()), b: opt(S.Int()) },
		rule: 'optional-field-added',
		request: 'safe',
		response: 'safe',
	},
	{
		name: 'optional -> required',
		before: { a: opt(S.String()) },
		after: { a: req(S.String()) },
		rule: 'field-made-required',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'required -> optional',
		before: { a: req(S.String()) },
		after: { a: opt(S.String()) },
		rule: 'field-made-optional',
		request: 'safe',
		response: 'breaking',
	},
	{
		name: 'nullable added',
		before: { a: req(S.String()) },
		after: { a: req(S.String(), { isNullable: true }) },
		rule: 'nullable-added',
		request: 'safe',
		response: 'breaking',
	},
	{
		name: 'nullable removed',
		before: { a: req(S.String(), { isNullable: true }) },
		after: { a: req(S.String()) },
		rule: 'nullable-removed',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'type changed incompatibly (string -> int)',
		before: { a: req(S.String()) },
		after: { a: req(S.Int()) },
		rule: 'type-changed',
		request: 'breaking',
		response: 'breaking',
	},
	{
		name: 'type changed incompatibly (scalar -> list)',
		before: { a: req(S.String()) },
		after: { a: req(S.String(), { isArray: true }) },
		rule: 'type-changed',
		request: 'breaking',
		response: 'breaking',
	},
	{
		name: 'type changed incompatibly (model -> string)',
		before: { a: req(m('Inner', { x: req(S.Int()) })) },
		after: { a: req(S.String()) },
		rule: 'type-changed',
		request: 'breaking',
		response: 'breaking',
	},
	{
		name: 'type widened int -> float',
		before: { a: req(S.Int()) },
		after: { a: req(S.Float()) },
		rule: 'type-widened',
		request: 'safe',
		response: 'breaking',
		// A `$a: Int!` variable cannot bind where `Float!` is expected.
		graphql: { request: 'breaking' },
	},
	{
		name: 'type widened enum -> string',
		before: { a: req(Color) },
		after: { a: req(S.String()) },
		rule: 'type-widened',
		request: 'safe',
		response: 'breaking',
		// A `$a: Color!` variable (or an enum literal) does not fit `String!`.
		graphql: { request: 'breaking' },
	},
	{
		name: 'type widened: union member added',
		before: { p: req(pay2) },
		after: { p: req(pay3) },
		rule: 'type-widened',
		request: 'safe',
		response: 'breaking',
		// A GraphQL union member the query selects nothing on arrives as `{ __typename }`.
		graphql: { response: 'dangerous' },
	},
	{
		name: 'type widened: literal -> enum',
		before: { a: req(literal('RED')) },
		after: { a: req(Color) },
		rule: 'type-widened',
		request: 'safe',
		response: 'breaking',
		// The literal is served as `String!`, the enum as `Color!`.
		graphql: { request: 'breaking' },
	},
	{
		name: 'type widened: scalar -> JSON',
		before: { a: req(S.Int()) },
		after: { a: req(S.JSON()) },
		rule: 'type-widened',
		request: 'safe',
		response: 'breaking',
		graphql: { request: 'breaking' },
	},
	{
		name: 'type narrowed float -> int',
		before: { a: req(S.Float()) },
		after: { a: req(S.Int()) },
		rule: 'type-narrowed',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'type narrowed string -> enum',
		before: { a: req(S.String()) },
		after: { a: req(Color) },
		rule: 'type-narrowed',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'type narrowed: union member removed',
		before: { p: req(pay3) },
		after: { p: req(pay2) },
		rule: 'type-narrowed',
		request: 'breaking',
		response: 'safe',
		// A query's `... on Cash` fragment no longer validates.
		graphql: { response: 'breaking' },
	},
	{
		name: 'type narrowed: JSONObject -> model',
		before: { a: req(S.JSONObject()) },
		after: { a: req(m('Inner', { x: req(S.Int()) })) },
		rule: 'type-narrowed',
		request: 'breaking',
		response: 'safe',
		// A leaf became an object type: selecting it without a selection set is invalid.
		graphql: { response: 'breaking' },
	},
	{
		name: 'enum value added',
		before: { c: req(Color) },
		after: { c: req(ColorPlus) },
		rule: 'enum-value-added',
		request: 'safe',
		response: 'dangerous',
	},
	{
		name: 'enum value removed',
		before: { c: req(Color) },
		after: { c: req(ColorMinus) },
		rule: 'enum-value-removed',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint tightened: maxLength lowered',
		before: { a: req(S.String({ maxLength: 100 })) },
		after: { a: req(S.String({ maxLength: 50 })) },
		rule: 'constraint-tightened',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint tightened: minimum added',
		before: { a: req(S.Int()) },
		after: { a: req(S.Int({ minimum: 1 })) },
		rule: 'constraint-tightened',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint tightened: pattern added',
		before: { a: req(S.String()) },
		after: { a: req(S.String({ pattern: '^[a-z]+$' })) },
		rule: 'constraint-tightened',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint tightened: format added (String -> UUID)',
		before: { a: req(S.String()) },
		after: { a: req(S.UUID()) },
		rule: 'constraint-tightened',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint tightened: list maxItems added',
		before: { a: req(listOf(S.String())) },
		after: { a: req(listOf(S.String(), { maxItems: 10 })) },
		rule: 'constraint-tightened',
		request: 'breaking',
		response: 'safe',
	},
	{
		name: 'constraint loosened: maximum raised',
		before: { a: req(S.Int({ maximum: 10 })) },
		after: { a: req(S.Int({ maximum: 20 })) },
		rule: 'constraint-loosened',
		request: 'safe',
		response: 'dangerous',
	},
	{
		name: 'constraint loosened: minLength removed (NonEmptyString -> String)',
		before: { a: req(S.NonEmptyString()) },
		after: { a: req(S.String()) },
		rule: 'constraint-loosened',
		request: 'safe',
		response: 'dangerous',
		// Each Charter scalar is its own GraphQL scalar: `$a: NonEmptyString!` does not fit `String!`.
		graphql: { request: 'breaking' },
	},
	{
		name: 'constraint changed: a different pattern',
		before: { a: req(S.String({ pattern: '^a' })) },
		after: { a: req(S.String({ pattern: '^b' })) },
		rule: 'constraint-changed',
		request: 'breaking',
		response: 'dangerous',
	},
	{
		name: 'default changed',
		before: { a: opt(S.Int(), { default: 1 }) },
		after: { a: opt(S.Int(), { default: 2 }) },
		rule: 'default-changed',
		request: 'dangerous',
		response: 'info',
	},
	{
		name: 'default removed',
		before: { a: opt(S.Int(), { default: 1 }) },
		after: { a: opt(S.Int()) },
		rule: 'default-removed',
		request: 'dangerous',
		response: 'info',
	},
	{
		name: 'record values: type changed',
		before: { r: req(recordOf(S.Int())) },
		after: { r: req(recordOf(S.Boolean())) },
		rule: 'type-changed',
		request: 'breaking',
		response: 'breaking',
	},
];

/** Wraps a row's fields in each kind of nesting. */
const NESTINGS: readonly {
	readonly name: string;
	readonly wrap: (fields: Fields) => Fields;
	readonly path: string;
	/** Whether GraphQL types the place (input unions and records are JSON there). */
	readonly typed: { readonly input: boolean; readonly output: boolean };
}[] = [
	{ name: 'top level', wrap: (f) => f, path: '', typed: { input: true, output: true } },
	{
		name: 'in a nested model',
		wrap: (f) => ({ inner: req(m('Outer', { deep: req(m('Deep', f)) })) }),
		path: '.inner.deep',
		typed: { input: true, output: true },
	},
	{
		name: 'in a list of models',
		wrap: (f) => ({ items: req(listOf(m('Item', f))) }),
		path: '.items[*]',
		typed: { input: true, output: true },
	},
	{
		name: 'in a union variant',
		wrap: (f) => ({
			shape: req(
				defineUnion({
					name: 'Shape',
					discriminator: 'type',
					variants: [
						m('Circle', { type: req(literal('circle')), ...f }),
						m('Square', { type: req(literal('square')) }),
					],
				}),
			),
		}),
		path: '.shape<type=circle>',
		typed: { input: false, output: true },
	},
	{
		name: 'in a record of models',
		wrap: (f) => ({ byId: req(recordOf(m('Entry', f))) }),
		path: '.byId.*',
		typed: { input: false, output: false },
	},
];

function caseFor(
	row: Row,
	side: 'input' | 'output',
	nesting: (typeof NESTINGS)[number],
): CorpusCase {
	const name = side === 'input' ? 'In' : 'Out';
	const before = command({ [side]: m(name, nesting.wrap(row.before)) });
	const after = command({ [side]: m(name, nesting.wrap(row.after)) });
	const json = side === 'input' ? row.request : row.response;
	const own = nesting.typed[side]
		? row.graphql?.[side === 'input' ? 'request' : 'response']
		: undefined;
	const graphql = own ?? json;
	const severity = RANK.indexOf(graphql) < RANK.indexOf(json) ? graphql : json;
	return {
		name: `${side}: ${row.name} (${nesting.name})`,
		before: [before],
		after: [after],
		expected: [
			`${row.rule}:${severity}@$.${side}${nesting.path}` as CorpusCase['expected'][number],
		],
		surfaces: [verdicts(json, { graphql })],
	};
}

/** Every row on the request and the response side, top level and nested (one nesting per row, rotating). */
export const FIELD_CASES: readonly CorpusCase[] = ROWS.flatMap((row, index) => {
	const nested = NESTINGS[1 + (index % (NESTINGS.length - 1))]!;
	return [
		caseFor(row, 'input', NESTINGS[0]!),
		caseFor(row, 'output', NESTINGS[0]!),
		caseFor(row, 'input', nested),
		caseFor(row, 'output', nested),
	];
});
