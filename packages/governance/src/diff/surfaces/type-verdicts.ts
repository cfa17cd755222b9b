// The verdict of a type change on each surface the changed place reaches.
import type { FieldNode } from '@charter/schema';
import { type ContractSpec, wireNames } from '@charter/spec';
import type { GraphQLSchema } from 'graphql';
import { type DiffSeverity, type Direction, TYPE_DIFF_RULES } from '../diff-rules.ts';
import type { TypeChange } from '../type-change.ts';
import { locateInGraphql } from './graphql-projection.ts';
import { type GraphqlSide, graphqlVerdict } from './graphql-verdict.ts';
import {
	EVENT_SURFACES,
	OPERATION_SURFACES,
	type Surface,
	type SurfaceVerdicts,
} from './surfaces.ts';
import { parseTypePath, resolveTypePath, type TypePath } from './type-path.ts';

/** The two sides of a type change: the contracts, and their GraphQL schemas when they build. */
export interface TypeChangeSides {
	readonly before: ContractSpec;
	readonly after: ContractSpec;
	readonly graphql: () => { before?: GraphQLSchema; after?: GraphQLSchema };
}

/** Rules a wire carrying plain JSON cannot observe (names of types, texts). */
const NAME_ONLY = new Set(['type-renamed', 'description-changed', 'field-deprecated']);
const WIRE: readonly Surface[] = ['rest', 'mcp', 'events'];

/**
 * Gives a type change its verdict on each surface. JSON surfaces (REST bodies, OpenAPI clients,
 * MCP tool schemas, events, the SDK) take the direction's rule; REST query strings coerce
 * strings to the declared type; GraphQL applies its own typing to the served schema.
 */
export function typeVerdicts(
	change: TypeChange,
	direction: Direction,
	sides: TypeChangeSides,
): SurfaceVerdicts {
	const json = TYPE_DIFF_RULES[change.ruleId][direction];
	const path = parseTypePath(change.path, sides.after) ?? parseTypePath(change.path, sides.before);
	const reach =
		path?.root.kind === 'payload' || path?.root.kind === 'emitted'
			? EVENT_SURFACES
			: OPERATION_SURFACES;
	const verdicts: Partial<Record<Surface, DiffSeverity>> = {};
	for (const surface of reach) {
		verdicts[surface] = NAME_ONLY.has(change.ruleId) && WIRE.includes(surface) ? 'info' : json;
	}
	if (path && reach.includes('rest') && queryStringAccepts(change, path, sides)) {
		verdicts.rest = 'safe';
	}
	if (path) verdicts.graphql = onGraphql(change, direction, json, path, sides);
	return verdicts;
}

function onGraphql(
	change: TypeChange,
	direction: Direction,
	json: DiffSeverity,
	path: TypePath,
	sides: TypeChangeSides,
): DiffSeverity {
	const schemas = sides.graphql();
	if (!schemas.before || !schemas.after) return json;
	const side = (schema: GraphQLSchema, spec: ContractSpec): GraphqlSide => {
		const field = resolveTypePath(spec, path)?.field;
		return {
			location: locateInGraphql(schema, spec, path),
			...(field ? { optional: field.isOptional, nullable: Boolean(field.isNullable) } : {}),
		};
	};
	return graphqlVerdict(
		change.ruleId,
		direction,
		json,
		side(schemas.before, sides.before),
		side(schemas.after, sides.after),
	);
}

/**
 * REST query coercion: a GET's top-level input fields arrive as strings and are coerced to the
 * declared type, so a field that becomes a plain String, or a list of its former type (one value
 * becomes a one-item list), accepts every query string it accepted before.
 */
function queryStringAccepts(change: TypeChange, path: TypePath, sides: TypeChangeSides): boolean {
	if (change.ruleId !== 'type-changed' && change.ruleId !== 'type-narrowed') return false;
	if (path.root.kind !== 'input' || path.steps.length !== 1) return false;
	if (!isGet(sides.before) || !isGet(sides.after)) return false;
	const a = resolveTypePath(sides.before, path)?.field;
	const b = resolveTypePath(sides.after, path)?.field;
	if (!a || !b || a.isArray || !isFlat(a)) return false;
	if (b.isArray) return JSON.stringify(a.type) === JSON.stringify(b.type);
	return b.type.kind === 'scalar' && b.type.name === 'String' && !b.type.constraints;
}

function isGet(spec: ContractSpec): boolean {
	return (
		(spec.kind === 'query' || spec.kind === 'command') && wireNames(spec).rest.method === 'GET'
	);
}

function isFlat(field: FieldNode): boolean {
	const kind = field.type.kind;
	return kind === 'scalar' || kind === 'enum' || kind === 'literal';
}
