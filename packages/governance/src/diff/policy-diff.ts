import type { Policy } from '@charter/spec';
import type { ContractDiffRuleId, Emit } from './diff-rules.ts';

const AUTH_RANK = { anonymous: 0, user: 1, admin: 2 } as const;
const TENANT_RANK = { undefined: 0, optional: 1, required: 2 } as const;

/**
 * Compares two policies: anything a caller newly needs (a higher auth level, a role, a
 * permission, a tenant, a custom rule) is breaking; anything dropped is dangerous.
 */
export function diffPolicy(a: Policy, b: Policy, emit: Emit): void {
	if (a.auth !== b.auth) {
		const tighter = AUTH_RANK[b.auth] > AUTH_RANK[a.auth];
		emit(
			tighter ? 'auth-tightened' : 'auth-loosened',
			'$.policy.auth',
			`auth ${a.auth} -> ${b.auth}`,
			{
				before: a.auth,
				after: b.auth,
			},
		);
	}
	const ta = TENANT_RANK[String(a.tenant) as keyof typeof TENANT_RANK] ?? 0;
	const tb = TENANT_RANK[String(b.tenant) as keyof typeof TENANT_RANK] ?? 0;
	if (ta !== tb) {
		emit(
			tb > ta ? 'auth-tightened' : 'auth-loosened',
			'$.policy.tenant',
			`tenant ${a.tenant ?? 'none'} -> ${b.tenant ?? 'none'}`,
			{
				before: a.tenant,
				after: b.tenant,
			},
		);
	}
	compareSets(
		a.roles?.allOf,
		b.roles?.allOf,
		'$.policy.roles.allOf',
		'role-added',
		'role-removed',
		'role',
		emit,
	);
	// anyOf: a new alternative lets more callers in; a dropped one shuts some out.
	const anyA = a.roles?.anyOf ?? [];
	const anyB = b.roles?.anyOf ?? [];
	if (anyA.length === 0 && anyB.length > 0) {
		emit(
			'role-added',
			'$.policy.roles.anyOf',
			`callers now need one of the roles ${anyB.join(', ')}`,
			{ after: anyB },
		);
	} else if (anyA.length > 0 && anyB.length === 0) {
		emit('role-removed', '$.policy.roles.anyOf', 'the role alternatives were removed', {
			before: anyA,
		});
	} else {
		for (const role of anyA) {
			if (!anyB.includes(role))
				emit('role-added', '$.policy.roles.anyOf', `role ${role} is no longer accepted`, {
					before: role,
				});
		}
		for (const role of anyB) {
			if (!anyA.includes(role))
				emit('role-removed', '$.policy.roles.anyOf', `role ${role} is now also accepted`, {
					after: role,
				});
		}
	}
	compareSets(
		a.permissions,
		b.permissions,
		'$.policy.permissions',
		'permission-added',
		'permission-removed',
		'permission',
		emit,
	);
	compareSets(
		a.rules,
		b.rules,
		'$.policy.rules',
		'auth-tightened',
		'auth-loosened',
		'custom rule',
		emit,
	);
}

function compareSets(
	a: readonly string[] | undefined,
	b: readonly string[] | undefined,
	path: string,
	added: ContractDiffRuleId,
	removed: ContractDiffRuleId,
	noun: string,
	emit: Emit,
): void {
	for (const item of b ?? []) {
		if (!(a ?? []).includes(item))
			emit(added, path, `${noun} ${item} is now required`, { after: item });
	}
	for (const item of a ?? []) {
		if (!(b ?? []).includes(item))
			emit(removed, path, `${noun} ${item} is no longer required`, { before: item });
	}
}
