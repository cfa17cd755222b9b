import type { IncomingMessage } from 'node:http';
import {
	type ContextProvider,
	createProblem,
	type InvocationMetadata,
	type Principal,
	type Problem,
} from '@charter/runtime';

/** The principal who may use Studio, or the problem that refuses the request. */
export type Access =
	| { readonly ok: true; readonly principal: Principal }
	| { readonly ok: false; readonly problem: Problem };

/**
 * Decides who opens Studio, deny by default: the request's credentials are resolved by the
 * server's own context provider (the one every surface uses), and the principal must hold one
 * of Studio's roles. No principal is 401; a principal without the role is 403.
 */
export function createStudioAccess(
	contextProvider: ContextProvider,
	roles: readonly string[],
): (request: IncomingMessage) => Promise<Access> {
	if (roles.length === 0) throw new TypeError('Studio needs at least one role that opens it');
	return async (request) => {
		const headers: Record<string, string | undefined> = {};
		for (const [name, value] of Object.entries(request.headers))
			headers[name] = Array.isArray(value) ? value.join(', ') : value;
		const metadata: InvocationMetadata = { headers, transport: 'studio' };
		let principal: Principal | undefined;
		try {
			principal = await contextProvider(metadata);
		} catch (error) {
			return {
				ok: false,
				problem: createProblem('UNAUTHENTICATED', {
					detail: (error as { detail?: string }).detail ?? 'the credentials are not valid',
				}),
			};
		}
		if (!principal)
			return {
				ok: false,
				problem: createProblem('UNAUTHENTICATED', {
					detail: 'Studio requires a bearer token of a principal with a Studio role',
				}),
			};
		if (!principal.roles.some((role) => roles.includes(role)))
			return {
				ok: false,
				problem: createProblem('FORBIDDEN', {
					detail: `Studio opens only for the role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}; ${principal.id} has ${principal.roles.length > 0 ? principal.roles.join(', ') : 'no role'}`,
				}),
			};
		return { ok: true, principal };
	};
}
