import type { Policy } from '@charter/spec';
import type { PolicySection } from './page-model.ts';

const AUTH_WORDS: Record<Policy['auth'], string> = {
	anonymous: 'Anyone may call it; no sign-in is needed.',
	user: 'The caller must be signed in (401 otherwise).',
	admin: 'The caller must be signed in as an administrator (401 without sign-in, 403 otherwise).',
};

const AUTH_NAMES: Record<Policy['auth'], string> = {
	anonymous: 'anonymous',
	user: 'signed-in user',
	admin: 'administrator',
};

const list = (items: readonly string[]) => items.join(', ');

/** Says an operation's policy in plain sentences: who may call it, with which roles, in which tenant. */
export function describePolicy(policy: Policy): PolicySection {
	const sentences = [AUTH_WORDS[policy.auth]];
	const { allOf, anyOf } = policy.roles ?? {};
	if (allOf && allOf.length > 0) {
		sentences.push(`The caller needs every one of these roles: ${list(allOf)} (403 otherwise).`);
	}
	if (anyOf && anyOf.length > 0) {
		sentences.push(`The caller needs at least one of these roles: ${list(anyOf)} (403 otherwise).`);
	}
	if (policy.permissions && policy.permissions.length > 0) {
		sentences.push(
			`The caller needs these permissions: ${list(policy.permissions)} (403 otherwise).`,
		);
	}
	if (policy.tenant === 'required') {
		sentences.push(
			'The caller must belong to a tenant (organization); records of another tenant are not found (404).',
		);
	} else if (policy.tenant === 'optional') {
		sentences.push(
			'The caller may act within a tenant (organization); records are then scoped to it.',
		);
	}
	if (policy.rules && policy.rules.length > 0) {
		sentences.push(`These custom rules must also allow the call: ${list(policy.rules)}.`);
	}
	return { auth: AUTH_NAMES[policy.auth], sentences };
}
