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
