import type { PolicyDefinition } from '@charter/spec';

/** Owners of every contract of the example. */
export const OWNERS = ['@example.workflow-system'];

/** Definition management: members of `workflow-admin` in their own organization. */
export const WORKFLOW_ADMIN_POLICY = {
	auth: 'user',
	roles: ['workflow-admin'],
	tenant: 'required',
} as const satisfies PolicyDefinition;

/** Any signed-in member of the organization. */
export const MEMBER_POLICY = {
	auth: 'user',
	tenant: 'required',
} as const satisfies PolicyDefinition;

/** Administrators only (pause, resume, timer sweeps). */
export const ADMIN_POLICY = {
	auth: 'admin',
	tenant: 'required',
} as const satisfies PolicyDefinition;

/** Declares NOT_FOUND (404) for a missing record; another organization's record is missing too. */
export const notFound = (what: string) => ({
	status: 404,
	description: `No ${what} with this id in your organization.`,
});

/** Declares INVALID_STATE (409) with the rule that was broken. */
export const invalidState = (rule: string) => ({ status: 409, description: rule });
