import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractRegistry } from '@charter/spec';
import { CharterConfigError } from '../errors/charter-config-error.ts';
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
 * The `originPolicy` of a surface's or host's options. `origins`, its name before, is refused
 * with an error naming the new one: ignored, it would leave a JavaScript caller's Host and Origin
 * rules silently unchecked (TypeScript already rejects it).
 */
export function originPolicyOption<P>(options: { readonly originPolicy?: P }): P | undefined {
	if ('origins' in options && (options as { origins?: unknown }).origins !== undefined)
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'origins',
			'is now called originPolicy (the same { allowedHosts, allowedOrigins }); rename the option, or its Host and Origin rules would not be checked',
		);
	return options.originPolicy;
}

/**
 * The compiled policy a surface checks (its options' `originPolicy`), or undefined when a host
 * in front checks it. A policy compiled here also admits `extraOrigins` (a surface's CORS
 * origins).
 */
export function surfaceOriginPolicy(
	options: { readonly originPolicy?: OriginPolicy | CompiledOriginPolicy | false },
	extraOrigins?: readonly string[] | '*',
): CompiledOriginPolicy | undefined {
	const option = originPolicyOption(options);
	if (option === false) return undefined;
	if (option !== undefined && 'refused' in option) return option;
	return compileOriginPolicy(option, extraOrigins);
}
