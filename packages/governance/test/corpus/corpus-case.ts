import {
	defineEnum,
	defineSchemaModel,
	type FieldDefinition,
	type ModelNode,
	ScalarTypeEnum,
} from '@charter/schema';
import { type ContractSpec, defineCommand } from '@charter/spec';
import type { DiffRuleId, DiffSeverity, Surface, SurfaceVerdicts } from '../../src/index.ts';

/** One labelled before/after pair and every finding the diff must produce for it. */
export interface CorpusCase {
	readonly name: string;
	readonly before: readonly ContractSpec[];
	readonly after: readonly ContractSpec[];
	/** Every finding expected, as `ruleId:severity` or `ruleId:severity@path`; nothing else may appear. */
	readonly expected: readonly `${DiffRuleId}:${DiffSeverity}${string}`[];
	/** The exact verdict per surface of the expected finding at the same index, where given. */
	readonly surfaces?: readonly (SurfaceVerdicts | undefined)[];
	/** The surfaces the project serves (all by default). */
	readonly served?: readonly Surface[];
	/** Today, for sunset checks. */
	readonly now?: string;
	/** The policy's shortest deprecation period, in days. */
	readonly minimumDeprecationDays?: number;
}

export const S = ScalarTypeEnum;
export const Color = defineEnum('Color', ['RED', 'GREEN']);
export const ColorPlus = defineEnum('Color', ['RED', 'GREEN', 'BLUE']);
export const ColorMinus = defineEnum('Color', ['RED']);

type Fields = Record<string, FieldDefinition>;

/** A model named `name` with the given fields. */
export function model(name: string, fields: Fields): ModelNode {
	return defineSchemaModel({ name, fields }) as ModelNode;
}

const EMPTY_OUT = model('Out', { ok: { type: S.Boolean(), isOptional: false } });
const EMPTY_IN = model('In', { id: { type: S.ID(), isOptional: false } });

type CommandParts = Partial<Parameters<typeof defineCommand>[0]>;

/** A stable command `corpus.thing.do@1.0.0` with overridable parts. */
export function command(
	parts: CommandParts & { input?: ModelNode; output?: ModelNode; version?: string } = {},
) {
	const { input, output, version, meta, ...rest } = parts;
	return defineCommand({
		meta: {
			key: 'corpus.thing.do',
			version: version ?? '1.0.0',
			stability: 'stable',
			owners: ['@corpus'],
			description: 'Does the thing.',
			goal: 'Test the diff.',
			...meta,
		},
		io: { input: input ?? EMPTY_IN, output: output ?? EMPTY_OUT },
		policy: { auth: 'user' },
		...rest,
	});
}

/** Surfaces of an operation's input, output and errors. */
export const OPERATION: readonly Surface[] = ['rest', 'openapi', 'graphql', 'mcp', 'sdk'];

/** The same verdict on every surface of an operation, with some surfaces overridden. */
export function verdicts(
	severity: DiffSeverity,
	overrides: SurfaceVerdicts = {},
	reach: readonly Surface[] = OPERATION,
): SurfaceVerdicts {
	return { ...Object.fromEntries(reach.map((s) => [s, severity])), ...overrides };
}
