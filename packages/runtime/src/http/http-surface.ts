import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractRegistry } from '@charter/spec';
import {
	type CompiledOriginPolicy,
	compileOriginPolicy,
	type OriginPolicy,
} from '../limits/origin-policy.ts';

/**
 * What each HTTP surface (REST, GraphQL, MCP) is built from, by the same names, so a host
 * builds all three from one set of options:
 *
 * @example
 * const shared = { executor, registry, bodyLimit: 64 * 1024, originPolicy };
 * const rest = createRestHandler(shared);
 * const graphql = createGraphqlHandler(shared);
 * const mcp = createMcpHandler(shared);
 */
export interface SurfaceOptions<E> {
	/** Runs the calls. */
	readonly executor: E;
	/** The contracts served. */
	readonly registry: ContractRegistry;
	/** Largest request body, in bytes (1 MiB by default). */
	readonly bodyLimit?: number;
	/**
	 * The `Host` and `Origin` headers accepted (against DNS rebinding and cross-site calls): by
	 * default any host, and only the server's own origin when a browser sends one. `false` when
	 * a host in front checks it once for every surface (`createCharterServer` does).
	 */
	readonly originPolicy?: OriginPolicy | CompiledOriginPolicy | false;
}

/** A surface served both ways: to the Fetch API and to node:http. The two give the same answers. */
export interface HttpSurface {
	fetch(request: Request): Promise<Response>;
	node(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * The compiled policy a surface checks, or undefined when a host in front checks it. A policy
 * compiled here also admits `extraOrigins` (a surface's CORS origins).
 */
export function surfaceOriginPolicy(
	option: OriginPolicy | CompiledOriginPolicy | false | undefined,
	extraOrigins?: readonly string[] | '*',
): CompiledOriginPolicy | undefined {
	if (option === false) return undefined;
	if (option !== undefined && 'refused' in option) return option;
	return compileOriginPolicy(option, extraOrigins);
}
