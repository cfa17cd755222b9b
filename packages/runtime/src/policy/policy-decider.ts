import type { OperationSpec, Policy } from '@charter/spec';
import { ADMIN_ROLE, type Principal } from '../context/principal.ts';
import { CharterConfigError } from '../errors/charter-config-error.ts';

/** What a custom rule decider sees. */
export interface DeciderArgs {
	readonly rule: string;
	readonly principal: Principal | undefined;
	readonly operation: OperationSpec;
	readonly input: unknown;
}

/** Decides one named policy rule: true allows, false denies. */
export type Decider = (args: DeciderArgs) => boolean | Promise<boolean>;

/** The outcome of authorization: allowed, or the problem code and why. */
export type Decision =
	| { readonly allowed: true }
	| {
			readonly allowed: false;
			readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN';
			readonly reason: string;
	  };

/** A policy compiled once per operation; synchronous unless a rule's decider is async. */
export type Authorizer = (
	principal: Principal | undefined,
	input: unknown,
) => Decision | Promise<Decision>;

const ALLOW: Decision = { allowed: true };

/**
 * Compiles an operation's policy into an authorizer, deny by default: every declared
 * requirement must hold. Throws `CHARTER_MISSING_DECIDER` at startup for a rule nobody decides.
 */
export function compilePolicy(
	operation: OperationSpec,
	deciders: Readonly<Record<string, Decider>>,
): Authorizer {
	const policy: Policy = operation.policy;
	const where = `${operation.meta.key}@${operation.meta.version}`;
	const rules = (policy.rules ?? []).map((rule) => {
		const decide = Object.hasOwn(deciders, rule) ? deciders[rule] : undefined;
		if (!decide) {
			throw new CharterConfigError(
				'CHARTER_MISSING_DECIDER',
				where,
				`policy rule "${rule}" has no decider`,
			);
		}
		return { rule, decide };
	});
	const allOf = policy.roles?.allOf ?? [];
	const anyOf = policy.roles?.anyOf ?? [];
	const permissions = policy.permissions ?? [];
	const needsPrincipal =
		policy.auth !== 'anonymous' ||
		allOf.length > 0 ||
		anyOf.length > 0 ||
		permissions.length > 0 ||
		policy.tenant === 'required';

	const checkCaller = (principal: Principal | undefined): Decision | undefined => {
		if (!principal) {
			if (!needsPrincipal) return undefined;
			return {
				allowed: false,
				code: 'UNAUTHENTICATED',
				reason: 'this operation requires an authenticated caller',
			};
		}
		const denied = checkPrincipal(policy, principal, allOf, anyOf, permissions);
		return denied ? { allowed: false, code: 'FORBIDDEN', reason: denied } : undefined;
	};
	// Without rules the decision is synchronous: the pipeline then has nothing to await.
	if (rules.length === 0) return (principal) => checkCaller(principal) ?? ALLOW;
	return async (principal, input) => {
		const refused = checkCaller(principal);
		if (refused) return refused;
		for (const { rule, decide } of rules) {
			if ((await decide({ rule, principal, operation, input })) !== true) {
				return {
					allowed: false,
					code: 'FORBIDDEN',
					reason: `policy rule "${rule}" denied the call`,
				};
			}
		}
		return ALLOW;
	};
}

function checkPrincipal(
	policy: Policy,
	principal: Principal,
	allOf: readonly string[],
	anyOf: readonly string[],
	permissions: readonly string[],
): string | undefined {
	if (policy.auth === 'admin' && !principal.roles.includes(ADMIN_ROLE)) {
		return `this operation requires the "${ADMIN_ROLE}" role`;
	}
	// Loops, not find/some with arrow functions: no closure per call for the (usual) empty lists.
	for (const role of allOf) {
		if (!principal.roles.includes(role)) return `this operation requires the "${role}" role`;
	}
	if (anyOf.length > 0 && !anyOf.some((role) => principal.roles.includes(role))) {
		return `this operation requires one of the roles ${anyOf.map((r) => `"${r}"`).join(', ')}`;
	}
	for (const permission of permissions) {
		if (!principal.permissions.includes(permission)) {
			return `this operation requires the "${permission}" permission`;
		}
	}
	if (policy.tenant === 'required' && !principal.tenant) {
		return 'this operation requires a caller that belongs to a tenant';
	}
	return undefined;
}
