import type { PrincipalInit } from '@charter/runtime';
import type { MemberDirectory } from '../shared/handler-kit.ts';

/** The demo organization, and another one to show tenant isolation. */
export const DEMO_ORG = 'org-acme';
export const OTHER_ORG = 'org-globex';

/** The demo's people: who starts expenses, who approves them, who administers. */
export const DEMO_PRINCIPALS = {
	employee: { id: 'user-1', roles: ['employee'], tenant: DEMO_ORG },
	manager: { id: 'user-manager-1', roles: ['manager'], tenant: DEMO_ORG },
	finance: { id: 'user-finance-1', roles: ['finance'], tenant: DEMO_ORG },
	finance2: { id: 'user-finance-2', roles: ['finance'], tenant: DEMO_ORG },
	admin: { id: 'user-admin-1', roles: ['admin', 'workflow-admin'], tenant: DEMO_ORG },
	outsider: { id: 'user-globex-1', roles: ['admin', 'workflow-admin'], tenant: OTHER_ORG },
} as const satisfies Record<string, PrincipalInit>;

/** Members without a token: the expense workflow's escalation target, and a deputy to delegate to. */
const TOKENLESS_MEMBERS = [
	{ id: 'user-director-1', tenant: DEMO_ORG },
	{ id: 'user-deputy-1', tenant: DEMO_ORG },
];

/**
 * The demo's member directory: who belongs to which organization (delegation checks its target
 * against it). A real deployment answers from its identity provider instead.
 */
export function demoMembers(
	more: readonly { readonly id: string; readonly tenant: string }[] = [],
): MemberDirectory {
	const byOrganization = new Map<string, Set<string>>();
	for (const { id, tenant } of [...Object.values(DEMO_PRINCIPALS), ...TOKENLESS_MEMBERS, ...more]) {
		byOrganization.set(tenant, (byOrganization.get(tenant) ?? new Set()).add(id));
	}
	return {
		has: (organizationId, userId) => byOrganization.get(organizationId)?.has(userId) === true,
	};
}

/** Development bearer tokens; `charter serve` prints them with their descriptions. */
export const DEMO_TOKENS: Record<string, PrincipalInit & { description: string }> = {
	'employee-token': {
		...DEMO_PRINCIPALS.employee,
		description: 'Employee of org-acme: starts and submits expenses (user-1).',
	},
	'manager-token': {
		...DEMO_PRINCIPALS.manager,
		description: 'Manager of org-acme: decides manager-approval (user-manager-1).',
	},
	'finance-token': {
		...DEMO_PRINCIPALS.finance,
		description: 'Finance approver of org-acme: decides finance-approval (user-finance-1).',
	},
	'finance-2-token': {
		...DEMO_PRINCIPALS.finance2,
		description: 'Second finance approver of org-acme (finance-approval is mode ALL).',
	},
	'admin-token': {
		...DEMO_PRINCIPALS.admin,
		description:
			'Administrator and workflow admin of org-acme: definitions, pause, resume, sweeps.',
	},
	'other-org-token': {
		...DEMO_PRINCIPALS.outsider,
		description: "Administrator of org-globex: sees none of org-acme's records (404).",
	},
};
