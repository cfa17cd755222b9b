import { majorOf } from '../meta/semver.ts';
import type { OperationSpec } from '../operations/operation-types.ts';
import { type WireNames, wireNames } from './wire-names.ts';

/** A surface on which two operations can claim one name. */
export type WireSurface = 'REST route' | 'GraphQL field' | 'MCP tool';

/** The `transport` override that renames an operation on a surface. */
const OVERRIDE: Readonly<Record<WireSurface, string>> = {
	'REST route': 'transport.rest',
	'GraphQL field': 'transport.graphql',
	'MCP tool': 'transport.mcp',
};

/**
 * Gives the shape a REST route is matched by: paths that differ only in parameter names
 * (`/a/{id}`, `/a/{key}`) or in trailing slashes (`/a`, `/a/`) route the same way, so they
 * are one route. The one rule every surface, check and importer uses.
 *
 * @example restRouteShape('get', '/v1/todos/{id}/') // 'GET /v1/todos/{}'
 */
export function restRouteShape(method: string, path: string): string {
	const shape = path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '');
	return `${method.toUpperCase()} ${shape || '/'}`;
}

/**
 * The names an operation claims, one per surface. A GraphQL field name is claimed across
 * `Query` and `Mutation`: it is also the OpenAPI `operationId`, which must be unique.
 */
export function wireClaims(wire: WireNames): { surface: WireSurface; name: string }[] {
	return [
		{ surface: 'REST route', name: restRouteShape(wire.rest.method, wire.rest.path) },
		{ surface: 'GraphQL field', name: wire.graphql.field },
		{ surface: 'MCP tool', name: wire.mcp.tool },
	];
}

/** Two operations claiming one name on a surface; `first` came first in the input. */
export interface WireCollision<T> {
	readonly surface: WireSurface;
	readonly name: string;
	/** The `transport` field that renames the operation (`transport.rest`...). */
	readonly field: string;
	readonly first: T;
	readonly second: T;
	/** `REST route GET /v1/a is claimed by a.b@1.0.0 and c.d@1.0.0` */
	readonly message: string;
}

/**
 * Finds the wire names two operations claim, on every surface (or the ones asked for), in
 * input order. Versions of one key within a major share their names by design and never
 * collide. Takes anything that carries a spec (registry entries, plans) and gives it back.
 *
 * @example
 * const [collision] = findWireCollisions(served.map((spec) => ({ spec })), ['MCP tool']);
 */
export function findWireCollisions<T extends { readonly spec: OperationSpec }>(
	items: readonly T[],
	surfaces?: readonly WireSurface[],
): WireCollision<T>[] {
	const taken = new Map<string, T>();
	const collisions: WireCollision<T>[] = [];
	for (const item of items) {
		for (const { surface, name } of wireClaims(wireNames(item.spec))) {
			if (surfaces && !surfaces.includes(surface)) continue;
			const id = `${surface}\u0000${name}`;
			const first = taken.get(id);
			if (!first) taken.set(id, item);
			else if (!sameLine(first.spec, item.spec)) {
				collisions.push({
					surface,
					name,
					field: OVERRIDE[surface],
					first,
					second: item,
					message: `${surface} ${name} is claimed by ${idOf(first.spec)} and ${idOf(item.spec)}`,
				});
			}
		}
	}
	return collisions;
}

function sameLine(a: OperationSpec, b: OperationSpec): boolean {
	return a.meta.key === b.meta.key && majorOf(a.meta.version) === majorOf(b.meta.version);
}

function idOf(spec: OperationSpec): string {
	return `${spec.meta.key}@${spec.meta.version}`;
}
