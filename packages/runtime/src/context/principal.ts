import type { AccessRecord } from '../logging/access-record.ts';

/**
 * Who is calling. An admin is a principal holding the `admin` role. `tenant` scopes records;
 * `claims` keeps whatever else the identity provider said (for custom deciders).
 */
export interface Principal {
	readonly id: string;
	readonly roles: readonly string[];
	readonly permissions: readonly string[];
	readonly tenant?: string;
	readonly claims?: Readonly<Record<string, unknown>>;
}

/** The role that makes a principal an admin (`policy: { auth: 'admin' }`). */
export const ADMIN_ROLE = 'admin';

/** What a transport knows about a call: lowercased headers and any transport-specific facts. */
export interface InvocationMetadata {
	readonly headers?: Readonly<Record<string, string | undefined>>;
	/** `rest`, `graphql`, `mcp`, `cli`, `test`... */
	readonly transport?: string;
	/** The peer's network address, from the socket (never from a header); for per-client limits. */
	readonly clientAddress?: string;
	/** Where the pipeline records the trace id and principal for the request's access log line. */
	readonly access?: AccessRecord;
	readonly [key: string]: unknown;
}

/**
 * Resolves the principal from transport metadata; one function shared by every surface.
 * Return undefined for an anonymous caller; throw `new ContractError('UNAUTHENTICATED')` for
 * credentials that are present but invalid.
 */
export type ContextProvider = (
	metadata: InvocationMetadata,
) => Principal | undefined | Promise<Principal | undefined>;
