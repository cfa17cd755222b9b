/** A GraphQL verdict, with safe, info and "no change" together (Inspector's NON_BREAKING). */
export type Level = 'breaking' | 'dangerous' | 'harmless';

/** A case where Charter's GraphQL verdict differs from GraphQL Inspector's on purpose. */
export interface Disagreement {
	readonly charter: Level;
	readonly inspector: Level;
	readonly reason: string;
}

/** Why Charter and Inspector disagree, one reason per kind of case. */
const REASONS = {
	notInSdl:
		'The SDL carries no constraint, default, policy, error catalogue, stability or idempotency, and places typed `JSON`/`JSONObject` (records, input unions, error data) are opaque to it; Inspector sees no change. The same executor validates and authorizes every GraphQL call, so the change reaches GraphQL clients exactly as it reaches REST ones.',
	outputLeaf:
		'Direction: an output leaf whose scalar or enum changed stays selectable, so no query document becomes invalid; what clients receive is judged by value (Float to Int, String to an enum or to UUID deliver fewer values: safe; fewer constraints or a new enum value: dangerous). Inspector calls every output type change breaking.',
	inputEnumValueAdded:
		'Direction: the enum is used only in the input, so a new value is one more value a caller may send. Inspector calls an added enum value dangerous because it does not know the enum never reaches a response.',
	outputEnumValueRemoved:
		'Direction: the enum is used only in the output, where no query document can name its values; clients receive fewer values. Inspector calls a removed enum value breaking without knowing where the enum is used.',
	outputEnumRenamed:
		'An enum used only in outputs cannot be named by a query (only variable definitions name types, and they are inputs); generated client type names change, which Charter reports as dangerous on every code-generating surface.',
	afterSunset:
		'Policy: the operation was deprecated (`@deprecated` in the SDL) with a sunset date that has passed; removing it then is the announced end, reported as info. Inspector does not read sunset dates.',
	noSunset:
		'Policy: the operation was deprecated (`@deprecated` in the SDL) without a sunset date, so callers were warned but never told when; Charter reports its removal as dangerous, not breaking, and `charter check` asks for a sunset date. Inspector does not read deprecations.',
	deprecationNotice:
		"A later sunset changes only the text of `@deprecated(reason:)`. Inspector reports the directive's argument as removed and added again (its DANGEROUS 'Argument reason was removed from @deprecated') besides the NON_BREAKING reason change; no query document is affected.",
} as const;

type Case = readonly [name: string, charter: Level, inspector: Level];

/** The corpus cases of each reason, with each side's verdict. */
const CASES: Record<keyof typeof REASONS, readonly Case[]> = {
	notInSdl: [
		['input: nullable removed (in a record of models)', 'breaking', 'harmless'],
		[
			'input: type changed incompatibly (model -> string) (in a union variant)',
			'breaking',
			'harmless',
		],
		['output: type widened int -> float (in a record of models)', 'breaking', 'harmless'],
		['output: type widened: scalar -> JSON (in a record of models)', 'breaking', 'harmless'],
		['input: type narrowed: union member removed (top level)', 'breaking', 'harmless'],
		['input: type narrowed: union member removed (in a union variant)', 'breaking', 'harmless'],
		['input: type narrowed: JSONObject -> model (in a record of models)', 'breaking', 'harmless'],
		['input: constraint tightened: maxLength lowered (top level)', 'breaking', 'harmless'],
		['input: constraint tightened: maxLength lowered (in a union variant)', 'breaking', 'harmless'],
		['input: constraint tightened: minimum added (top level)', 'breaking', 'harmless'],
		['input: constraint tightened: minimum added (in a record of models)', 'breaking', 'harmless'],
		['input: constraint tightened: pattern added (top level)', 'breaking', 'harmless'],
		['input: constraint tightened: pattern added (in a nested model)', 'breaking', 'harmless'],
		['input: constraint tightened: list maxItems added (top level)', 'breaking', 'harmless'],
		[
			'input: constraint tightened: list maxItems added (in a union variant)',
			'breaking',
			'harmless',
		],
		['output: constraint loosened: maximum raised (top level)', 'dangerous', 'harmless'],
		[
			'output: constraint loosened: maximum raised (in a record of models)',
			'dangerous',
			'harmless',
		],
		['input: constraint changed: a different pattern (top level)', 'breaking', 'harmless'],
		['output: constraint changed: a different pattern (top level)', 'dangerous', 'harmless'],
		[
			'input: constraint changed: a different pattern (in a list of models)',
			'breaking',
			'harmless',
		],
		[
			'output: constraint changed: a different pattern (in a list of models)',
			'dangerous',
			'harmless',
		],
		['input: default changed (top level)', 'dangerous', 'harmless'],
		['input: default changed (in a union variant)', 'dangerous', 'harmless'],
		['input: default removed (top level)', 'dangerous', 'harmless'],
		['input: default removed (in a record of models)', 'dangerous', 'harmless'],
		['input: record values: type changed (top level)', 'breaking', 'harmless'],
		['output: record values: type changed (top level)', 'breaking', 'harmless'],
		['input: record values: type changed (in a nested model)', 'breaking', 'harmless'],
		['output: record values: type changed (in a nested model)', 'breaking', 'harmless'],
		['auth tightened user -> admin', 'breaking', 'harmless'],
		['auth loosened user -> anonymous', 'dangerous', 'harmless'],
		['tenant now required', 'breaking', 'harmless'],
		['role added', 'breaking', 'harmless'],
		['role removed', 'dangerous', 'harmless'],
		['permission added', 'breaking', 'harmless'],
		['permission removed', 'dangerous', 'harmless'],
		['declared error added', 'dangerous', 'harmless'],
		['declared error status changed', 'dangerous', 'harmless'],
		['error data is response data: a field made optional is breaking', 'breaking', 'harmless'],
		['stability lowered stable -> beta', 'dangerous', 'harmless'],
		['operation no longer idempotent', 'dangerous', 'harmless'],
		['deprecation: sunset sooner than the policy period', 'breaking', 'harmless'],
		['error catalogue: an error gained data', 'dangerous', 'harmless'],
		['error catalogue: an error lost its data', 'breaking', 'harmless'],
		['error catalogue: a code removed and another added in its place', 'dangerous', 'harmless'],
		['policy: a role alternative dropped shuts its holders out', 'breaking', 'harmless'],
		['policy: a role alternative added lets more callers in', 'dangerous', 'harmless'],
		['policy: a custom rule added', 'breaking', 'harmless'],
		['policy: tenant required -> optional', 'dangerous', 'harmless'],
	],
	deprecationNotice: [['deprecation: sunset moved later', 'harmless', 'dangerous']],
	outputLeaf: [
		['output: type narrowed float -> int (top level)', 'harmless', 'breaking'],
		['output: type narrowed float -> int (in a nested model)', 'harmless', 'breaking'],
		['output: type narrowed string -> enum (top level)', 'harmless', 'breaking'],
		['output: type narrowed string -> enum (in a list of models)', 'harmless', 'breaking'],
		[
			'output: constraint tightened: format added (String -> UUID) (top level)',
			'harmless',
			'breaking',
		],
		[
			'output: constraint tightened: format added (String -> UUID) (in a list of models)',
			'harmless',
			'breaking',
		],
		[
			'output: constraint loosened: minLength removed (NonEmptyString -> String) (top level)',
			'dangerous',
			'breaking',
		],
		[
			'output: constraint loosened: minLength removed (NonEmptyString -> String) (in a nested model)',
			'dangerous',
			'breaking',
		],
		[
			'enum serialization: the same on the output is a leaf still, dangerous everywhere',
			'dangerous',
			'breaking',
		],
		[
			'output Float -> Int: a leaf stays selectable, and every value was a number before',
			'harmless',
			'breaking',
		],
	],
	inputEnumValueAdded: [
		['input: enum value added (top level)', 'harmless', 'dangerous'],
		['input: enum value added (in a nested model)', 'harmless', 'dangerous'],
	],
	outputEnumValueRemoved: [
		['output: enum value removed (top level)', 'harmless', 'breaking'],
		['output: enum value removed (in a list of models)', 'harmless', 'breaking'],
	],
	outputEnumRenamed: [
		[
			'output enum renamed: no query names an output enum, generated names change',
			'dangerous',
			'breaking',
		],
	],
	afterSunset: [
		['deprecated contract removed past its sunset', 'harmless', 'breaking'],
		['deprecation: removed past a sunset that kept the policy period', 'harmless', 'breaking'],
	],
	noSunset: [
		['deprecation: removed while deprecated without a sunset date', 'dangerous', 'breaking'],
	],
};

/** Every deliberate disagreement with GraphQL Inspector, by corpus case name, with its reason. */
export const INSPECTOR_DISAGREEMENTS: Readonly<Record<string, Disagreement>> = Object.fromEntries(
	Object.entries(CASES).flatMap(([reason, cases]) =>
		cases.map(([name, charter, inspector]) => [
			name,
			{ charter, inspector, reason: REASONS[reason as keyof typeof REASONS] },
		]),
	),
);
