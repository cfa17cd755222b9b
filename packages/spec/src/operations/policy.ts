import { ContractDefinitionError } from '../errors.ts';

/** Who may call an operation. Enforced by the runtime identically on every surface. */
export type AuthLevel = 'anonymous' | 'user' | 'admin';

/** A policy as authored. `roles` as a list means "all of these". */
export interface PolicyDefinition {
	readonly auth: AuthLevel;
	readonly roles?:
		| readonly string[]
		| { readonly allOf?: readonly string[]; readonly anyOf?: readonly string[] };
	readonly permissions?: readonly string[];
	/** `required`: the caller must belong to a tenant, and records are scoped to it. */
	readonly tenant?: 'required' | 'optional';
	/** Names of custom rules, decided by deciders bound in the runtime. */
	readonly rules?: readonly string[];
}

/** A policy as stored in the IR. */
export interface Policy {
	readonly auth: AuthLevel;
	readonly roles?: { readonly allOf?: readonly string[]; readonly anyOf?: readonly string[] };
	readonly permissions?: readonly string[];
	readonly tenant?: 'required' | 'optional';
	readonly rules?: readonly string[];
}

export const AUTH_LEVELS: readonly AuthLevel[] = ['anonymous', 'user', 'admin'];

/** Normalizes roles to `{ allOf, anyOf }`; returns undefined when the policy is not an object. */
export function normalizePolicy(policy: PolicyDefinition): Policy {
	const { roles, ...rest } = policy;
	if (roles === undefined) return Object.freeze({ ...rest });
	const normalized = Array.isArray(roles) ? { allOf: [...roles] } : { ...(roles as object) };
	return Object.freeze({ ...rest, roles: Object.freeze(normalized) });
}

/**
 * Checks an authored policy (auth level, role lists) and normalizes it; throws
 * `CHARTER_INVALID_POLICY` naming the contract and the field.
 */
export function checkPolicy(key: string, policy: PolicyDefinition | undefined): Policy {
	if (typeof policy !== 'object' || policy === null || !AUTH_LEVELS.includes(policy.auth)) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_POLICY',
			key,
			'policy.auth',
			`${JSON.stringify(policy?.auth)} is not one of anonymous, user, admin (policies are deny by default: declare one)`,
		);
	}
	const { roles } = policy;
	const isNames = (list: unknown) =>
		list === undefined || (Array.isArray(list) && list.every((r) => typeof r === 'string'));
	const rolesOk =
		roles === undefined ||
		(Array.isArray(roles)
			? isNames(roles)
			: typeof roles === 'object' &&
				roles !== null &&
				isNames((roles as { allOf?: unknown }).allOf) &&
				isNames((roles as { anyOf?: unknown }).anyOf));
	if (!rolesOk) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_POLICY',
			key,
			'policy.roles',
			`${JSON.stringify(roles)} is not a list of role names or { allOf, anyOf } lists`,
		);
	}
	return normalizePolicy(policy);
}
