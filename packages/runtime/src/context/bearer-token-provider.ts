import { ContractError } from '../problems/contract-error.ts';
import type { ContextProvider, InvocationMetadata, Principal } from './principal.ts';

/** A principal as configured for a dev token; lists default to empty. */
export type PrincipalInit = Partial<Principal> & { readonly id: string };

/**
 * Creates a context provider that maps fixed bearer tokens to principals, for development and
 * tests. No `Authorization` header means anonymous; an unknown token or another scheme is 401.
 *
 * @example
 * bearerTokenProvider({ tokens: { 'dev-admin': { id: 'u1', roles: ['admin'] } } });
 */
export function bearerTokenProvider(options: {
	tokens: Readonly<Record<string, PrincipalInit>>;
}): ContextProvider {
	const principals = new Map<string, Principal>();
	for (const [token, init] of Object.entries(options.tokens)) {
		principals.set(token, {
			roles: [],
			permissions: [],
			...init,
		});
	}
	return (metadata) => {
		const token = bearerTokenOf(metadata);
		if (token === undefined) return undefined;
		const principal = principals.get(token);
		if (!principal) throw new ContractError('UNAUTHENTICATED', 'the bearer token is not valid');
		return principal;
	};
}

/** A context provider for which every caller is anonymous. */
export const anonymousProvider: ContextProvider = () => undefined;

/**
 * The token of an `Authorization: Bearer <token>` header; undefined without the header. Any
 * other scheme or shape is 401.
 */
export function bearerTokenOf(metadata: InvocationMetadata): string | undefined {
	const header = metadata.headers?.authorization;
	if (header === undefined || header === '') return undefined;
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
	if (!match) {
		throw new ContractError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
	}
	return match[1]!;
}
