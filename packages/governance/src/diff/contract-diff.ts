import type { TypeNode } from '@charter/schema';
import {
	type ContractSpec,
	type EventSpec,
	type FeatureSpec,
	majorOf,
	type OperationSpec,
	type Snapshot,
	type SnapshotContract,
	wireNames,
} from '@charter/spec';
import type { GraphQLSchema } from 'graphql';
import { type ContractPair, pairContracts } from './contract-pairs.ts';
import { type DeprecationPolicy, diffDeprecation, judgeRemoval } from './deprecation-diff.ts';
import { CONTRACT_DIFF_RULES, type DiffFinding, type Direction, type Emit } from './diff-rules.ts';
import { diffPolicy } from './policy-diff.ts';
import { diffRestWire } from './rest-wire-diff.ts';
import { contractVerdicts } from './surfaces/contract-verdicts.ts';
import { graphqlFieldsOf, graphqlSchemaOf } from './surfaces/graphql-projection.ts';
import { SURFACES, type Surface, worstServed } from './surfaces/surfaces.ts';
import { typeVerdicts } from './surfaces/type-verdicts.ts';
import { diffTypes } from './type-diff.ts';

/** Options of {@link diffSnapshots}. */
export interface DiffOptions {
	/** Today, for sunset dates; the current time by default. */
	readonly now?: Date;
	/** The surfaces the project serves: a finding's severity is its worst verdict on them. All by default. */
	readonly surfaces?: readonly Surface[];
	/** Fewest days from deprecating a contract to its sunset (governance.deprecation.minimumDays); none by default. */
	readonly minimumDeprecationDays?: number;
}

/** What comparing one pair needs besides the pair. */
export interface PairContext {
	/** Today and the shortest deprecation period, for sunsets. */
	readonly deprecation: DeprecationPolicy;
	readonly surfaces: readonly Surface[];
	/** The GraphQL schemas served from the base and the current snapshot (built once, on demand). */
	readonly graphql: () => { before?: GraphQLSchema; after?: GraphQLSchema };
}

/** The result of comparing two snapshots. */
export interface DiffResult {
	readonly findings: readonly DiffFinding[];
	readonly pairs: readonly ContractPair[];
}

/**
 * Compares a base snapshot with the current one, contract by contract, and reports every
 * change with a direction-aware severity: input is request data; output, error data and
 * event payloads are response data.
 *
 * @example
 * const { findings } = diffSnapshots(parseSnapshot(baseText), createSnapshot(registry));
 */
export function diffSnapshots(
	base: Snapshot,
	current: Snapshot,
	options: DiffOptions = {},
): DiffResult {
	let schemas: { before?: GraphQLSchema; after?: GraphQLSchema } | undefined;
	const pairs = pairContracts(base, current);
	const context: PairContext = {
		deprecation: {
			now: options.now ?? new Date(),
			minimumDays: options.minimumDeprecationDays ?? 0,
		},
		surfaces: options.surfaces ?? SURFACES,
		graphql: () => {
			if (!schemas) {
				// Type changes are found only in changed pairs: their fields are all a verdict reads.
				const only = new Set<string>();
				for (const pair of pairs) {
					if (pair.unchanged || !pair.before || !pair.after) continue;
					for (const field of graphqlFieldsOf(pair.before.spec)) only.add(field);
					for (const field of graphqlFieldsOf(pair.after.spec)) only.add(field);
				}
				const before = graphqlSchemaOf(base, only);
				const after = graphqlSchemaOf(current, only);
				schemas = {
					...(before instanceof Error ? {} : { before }),
					...(after instanceof Error ? {} : { after }),
				};
			}
			return schemas;
		},
	};
	const findings: DiffFinding[] = [];
	for (const pair of pairs) if (!pair.unchanged) findings.push(...diffPair(pair, context));
	return { findings, pairs };
}

/** Compares one pair of contracts (either side may be missing). */
export function diffPair(pair: ContractPair, context: PairContext): DiffFinding[] {
	const findings: DiffFinding[] = [];
	const { before, after } = pair;
	const subject = (after ?? before) as SnapshotContract;
	const common = {
		kind: pair.kind,
		key: pair.key,
		version: subject.version,
		...(before && after ? { baseVersion: before.version } : {}),
		...(subject.file ? { file: subject.file } : {}),
	};
	const emit: Emit = (ruleId, path, message, extra = {}) => {
		const { severity, ...values } = extra;
		const surfaces = contractVerdicts(
			ruleId,
			pair.kind,
			path,
			severity ?? CONTRACT_DIFF_RULES[ruleId].severity,
		);
		findings.push({
			ruleId,
			severity: worstServed(surfaces, context.surfaces),
			surfaces,
			...common,
			path,
			...values,
			message,
		});
	};
	const types = (a: TypeNode, b: TypeNode, path: string, direction: Direction) => {
		diffTypes(a, b, path, (change) => {
			const surfaces = typeVerdicts(change, direction, {
				before: before!.spec,
				after: after!.spec,
				graphql: context.graphql,
			});
			findings.push({
				...common,
				...change,
				severity: worstServed(surfaces, context.surfaces),
				surfaces,
				message: `${direction === 'request' ? 'request' : 'response'}: ${change.message}`,
			});
		});
	};
	if (!after) {
		judgeRemoval(before!.spec, emit, context.deprecation);
		return findings;
	}
	if (!before) {
		emit('contract-added', '$', `${after.spec.kind} ${after.key}@${after.version} was added`);
		return findings;
	}
	const a = before.spec;
	const b = after.spec;
	if (before.version !== after.version) {
		emit('version-changed', '$.meta.version', `version ${before.version} -> ${after.version}`, {
			before: before.version,
			after: after.version,
		});
	}
	if (a.kind !== b.kind) {
		emit('kind-changed', '$.kind', `kind changed from ${a.kind} to ${b.kind}`, {
			before: a.kind,
			after: b.kind,
		});
		// A command that became a query (or back) keeps its key: name what moved with it (the
		// REST method, the GraphQL root type, the events it emitted), not only the kind.
		if (!isOperation(a) || !isOperation(b)) return findings;
	}
	diffMeta(a, b, emit);
	diffDeprecation(a, b, emit, context.deprecation);
	if (isOperation(a) && isOperation(b)) diffOperation(a, b, emit, types);
	else if (a.kind === 'event' && b.kind === 'event') {
		types((a as EventSpec).payload, (b as EventSpec).payload, '$.payload', 'response');
	} else if (a.kind === 'feature' && b.kind === 'feature') {
		diffFeature(a as FeatureSpec, b as FeatureSpec, emit);
	}
	return findings;
}

function isOperation(spec: ContractSpec): spec is OperationSpec {
	return spec.kind === 'command' || spec.kind === 'query';
}

const STABILITY_RANK = { experimental: 0, beta: 1, stable: 2 } as const;
const META_TEXT = ['title', 'description', 'goal', 'context'] as const;

function diffMeta(a: ContractSpec, b: ContractSpec, emit: Emit): void {
	const sa = a.meta.stability;
	const sb = b.meta.stability;
	if (sa !== sb) {
		if (sb === 'deprecated') {
			emit('contract-deprecated', '$.meta.stability', `the contract was deprecated`, {
				before: sa,
				after: sb,
			});
		} else if (sa === 'deprecated' || STABILITY_RANK[sb] > STABILITY_RANK[sa]) {
			emit('stability-raised', '$.meta.stability', `stability ${sa} -> ${sb}`, {
				before: sa,
				after: sb,
			});
		} else {
			emit('stability-lowered', '$.meta.stability', `stability lowered ${sa} -> ${sb}`, {
				before: sa,
				after: sb,
			});
		}
	}
	for (const field of META_TEXT) {
		if ((a.meta[field] ?? '') !== (b.meta[field] ?? '')) {
			emit('metadata-changed', `$.meta.${field}`, `${field} changed`, {
				before: a.meta[field],
				after: b.meta[field],
			});
		}
	}
	for (const field of ['owners', 'tags'] as const) {
		if (JSON.stringify(a.meta[field]) !== JSON.stringify(b.meta[field])) {
			emit('metadata-changed', `$.meta.${field}`, `${field} changed`, {
				before: a.meta[field],
				after: b.meta[field],
			});
		}
	}
}

function diffOperation(
	a: OperationSpec,
	b: OperationSpec,
	emit: Emit,
	types: (a: TypeNode, b: TypeNode, path: string, direction: Direction) => void,
): void {
	const wa = wireNames(a);
	const wb = wireNames(b);
	if (wa.rest.method !== wb.rest.method || wa.rest.path !== wb.rest.path) {
		const before = `${wa.rest.method} ${wa.rest.path}`;
		const after = `${wb.rest.method} ${wb.rest.path}`;
		emit('rest-route-changed', '$.transport.rest', `REST route ${before} -> ${after}`, {
			before,
			after,
		});
	}
	diffRestWire(a, b, emit);
	if (wa.graphql.field !== wb.graphql.field || wa.graphql.type !== wb.graphql.type) {
		const before = `${wa.graphql.type}.${wa.graphql.field}`;
		const after = `${wb.graphql.type}.${wb.graphql.field}`;
		emit('graphql-field-changed', '$.transport.graphql', `GraphQL field ${before} -> ${after}`, {
			before,
			after,
		});
	}
	if (wa.mcp.tool !== wb.mcp.tool) {
		emit('mcp-tool-changed', '$.transport.mcp', `MCP tool ${wa.mcp.tool} -> ${wb.mcp.tool}`, {
			before: wa.mcp.tool,
			after: wb.mcp.tool,
		});
	}
	diffPolicy(a.policy, b.policy, emit);
	types(a.io.input, b.io.input, '$.input', 'request');
	types(a.io.output, b.io.output, '$.output', 'response');
	diffErrors(a, b, emit, types);
	diffEmits(a, b, emit, types);
	if (a.idempotent !== b.idempotent) {
		emit(
			'idempotency-changed',
			'$.idempotent',
			b.idempotent ? 'the operation became idempotent' : 'the operation is no longer idempotent',
			{ before: a.idempotent, after: b.idempotent, ...(b.idempotent ? { severity: 'info' } : {}) },
		);
	}
	if (JSON.stringify(a.acceptance) !== JSON.stringify(b.acceptance)) {
		emit('metadata-changed', '$.acceptance', 'acceptance scenarios or examples changed');
	}
}

function diffErrors(
	a: OperationSpec,
	b: OperationSpec,
	emit: Emit,
	types: (a: TypeNode, b: TypeNode, path: string, direction: Direction) => void,
): void {
	for (const [code, declared] of Object.entries(a.errors)) {
		const next = b.errors[code];
		const path = `$.errors.${code}`;
		if (!next) {
			emit('error-removed', path, `error ${code} is no longer declared`, {
				before: declared.status,
			});
			continue;
		}
		if (declared.status !== next.status) {
			emit(
				'error-status-changed',
				`${path}.status`,
				`error ${code} status ${declared.status} -> ${next.status}`,
				{
					before: declared.status,
					after: next.status,
				},
			);
		}
		if (declared.data && next.data) types(declared.data, next.data, `${path}.data`, 'response');
		else if (declared.data || next.data) {
			emit(
				'error-data-changed',
				`${path}.data`,
				`error ${code} ${next.data ? 'gained' : 'lost'} its data`,
				{
					severity: next.data ? 'dangerous' : 'breaking',
				},
			);
		}
	}
	for (const [code, declared] of Object.entries(b.errors)) {
		if (!a.errors[code]) {
			emit('error-added', `$.errors.${code}`, `error ${code} (${declared.status}) was added`, {
				after: declared.status,
			});
		}
	}
}

function diffEmits(
	a: OperationSpec,
	b: OperationSpec,
	emit: Emit,
	types: (a: TypeNode, b: TypeNode, path: string, direction: Direction) => void,
): void {
	const after = new Map(b.sideEffects.emits.map((e) => [e.key, e]));
	for (const event of a.sideEffects.emits) {
		const path = `$.sideEffects.emits.${event.key}`;
		const next = after.get(event.key);
		after.delete(event.key);
		if (!next) {
			emit('event-removed', path, `event ${event.key}@${event.version} is no longer emitted`, {
				before: `${event.key}@${event.version}`,
			});
			continue;
		}
		if (event.version !== next.version) {
			emit(
				'event-version-changed',
				`${path}.version`,
				`event ${event.key} version ${event.version} -> ${next.version}`,
				{
					before: event.version,
					after: next.version,
					...(majorOf(event.version) === majorOf(next.version) ? { severity: 'info' } : {}),
				},
			);
		}
		if (event.payload && next.payload)
			types(event.payload, next.payload, `${path}.payload`, 'response');
	}
	for (const event of after.values()) {
		emit(
			'event-added',
			`$.sideEffects.emits.${event.key}`,
			`event ${event.key}@${event.version} is now emitted`,
			{
				after: `${event.key}@${event.version}`,
			},
		);
	}
}

function diffFeature(a: FeatureSpec, b: FeatureSpec, emit: Emit): void {
	const id = (m: FeatureSpec['members'][number]) => `${m.kind}:${m.key}@${m.version}`;
	const before = new Set(a.members.map(id));
	const after = new Set(b.members.map(id));
	for (const m of before) {
		if (!after.has(m))
			emit('feature-member-changed', '$.members', `member ${m} was removed`, { before: m });
	}
	for (const m of after) {
		if (!before.has(m))
			emit('feature-member-changed', '$.members', `member ${m} was added`, { after: m });
	}
}
