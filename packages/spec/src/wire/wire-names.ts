import { majorOf } from '../meta/semver.ts';
import type { HttpMethod, OperationSpec } from '../operations/operation-types.ts';

/** The names an operation has on each surface. Only the major version appears in them. */
export interface WireNames {
	readonly rest: { readonly method: HttpMethod; readonly path: string };
	readonly graphql: { readonly type: 'Query' | 'Mutation'; readonly field: string };
	readonly mcp: { readonly tool: string };
}

const MCP_TOOL_MAX = 64;

function words(key: string): string[] {
	return key.split(/[.\-_]/).filter(Boolean);
}

/**
 * Computes an operation's wire names: REST `/v{major}/{segments}` (POST for commands, GET for
 * queries), GraphQL `camelCase` (+`V{major}` from 2), MCP `snake_case` (+`_v{major}` from 2).
 * Overrides in `transport` win.
 *
 * @example wireNames(PauseWorkflowContract).graphql.field // 'workflowInstancePause'
 */
export function wireNames(spec: OperationSpec): WireNames {
	const major = majorOf(spec.meta.version);
	const parts = words(spec.meta.key);
	const t = spec.transport;
	return {
		rest: {
			method: t.rest?.method ?? (spec.kind === 'query' ? 'GET' : 'POST'),
			path: t.rest?.path ?? `/v${major}/${spec.meta.key.split('.').join('/')}`,
		},
		graphql: {
			type: spec.kind === 'query' ? 'Query' : 'Mutation',
			field: graphqlFieldOf(spec),
		},
		mcp: { tool: t.mcp?.tool ?? mcpTool(parts, major) },
	};
}

/** An operation's GraphQL field: its `transport.graphql.field`, else {@link graphqlFieldName}. */
export function graphqlFieldOf(spec: OperationSpec): string {
	return spec.transport.graphql?.field ?? graphqlFieldName(spec.meta.key, spec.meta.version);
}

/**
 * Gives the GraphQL field name of a key at a version: camelCase segments, `V{major}` from
 * major 2 (`workflow.instance.pause@2.1.0` -> `workflowInstancePauseV2`). Operations and event
 * subscriptions share this rule.
 */
export function graphqlFieldName(key: string, version: string): string {
	const major = majorOf(version);
	const camel = camelWords(key);
	return major >= 2 ? `${camel}V${major}` : camel;
}

/**
 * The words of a key or key segment (as `words`) in camelCase: the first as written, the others
 * capitalised (`billing.invoice-line` -> `billingInvoiceLine`). GraphQL fields and client
 * methods share it. One pass, as governance names every operation and event of a large project
 * with it.
 */
export function camelWords(key: string): string {
	let camel = '';
	let capital = false;
	for (let i = 0; i < key.length; i++) {
		const c = key[i]!;
		if (c === '.' || c === '-' || c === '_') capital = camel.length > 0;
		else if (capital) {
			camel += c.toUpperCase();
			capital = false;
		} else camel += c;
	}
	return camel;
}

/**
 * Joins the key's words with `_`. A name longer than MCP allows keeps its start and ends in
 * `_` + six base-36 characters of a hash of the whole name, so two long keys that share
 * their first 50 characters still get two tools.
 */
function mcpTool(parts: readonly string[], major: number): string {
	const suffix = major >= 2 ? `_v${major}` : '';
	const full = parts.join('_');
	if (full.length + suffix.length <= MCP_TOOL_MAX) return full + suffix;
	const hash = fnv1a(full).toString(36).padStart(7, '0').slice(-6);
	const room = MCP_TOOL_MAX - suffix.length - hash.length - 1;
	return `${full.slice(0, room).replace(/_+$/, '')}_${hash}${suffix}`;
}

/** 32-bit FNV-1a: a small, stable hash for shortened names. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** Path parameter names in a REST path template (`/v1/instances/{id}` -> `['id']`). */
export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
