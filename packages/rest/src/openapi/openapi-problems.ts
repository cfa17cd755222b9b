import { BUILT_IN_PROBLEMS, type OperationPlan } from '@charter/runtime';
import type { JsonSchema } from '@charter/schema';

/** The problem document schema, shared by every error response. */
export const PROBLEM_SCHEMAS: Record<string, JsonSchema> = {
	Problem: {
		type: 'object',
		title: 'Problem',
		description: 'An RFC 9457 problem document.',
		properties: {
			type: { type: 'string', format: 'uri-reference' },
			title: { type: 'string' },
			status: { type: 'integer', minimum: 400, maximum: 599 },
			code: { type: 'string', description: 'Stable machine-readable error code.' },
			detail: { type: 'string' },
			traceId: { type: 'string' },
			issues: { type: 'array', items: { $ref: '#/components/schemas/ProblemIssue' } },
			data: { description: 'Data a contract declares for its error.' },
		},
		required: ['type', 'title', 'status', 'code'],
	},
	ProblemIssue: {
		type: 'object',
		title: 'ProblemIssue',
		properties: {
			path: { type: 'string', description: 'JSON pointer to the offending value.' },
			code: { type: 'string' },
			message: { type: 'string' },
		},
		required: ['path', 'code', 'message'],
	},
};

/** Whether a policy needs a caller (401 possible) and can refuse one (403 possible). */
export function policyFacts(plan: Pick<OperationPlan, 'spec'>): {
	authenticated: boolean;
	forbiddable: boolean;
} {
	const p = plan.spec.policy;
	const forbiddable =
		p.auth === 'admin' ||
		(p.roles?.allOf?.length ?? 0) > 0 ||
		(p.roles?.anyOf?.length ?? 0) > 0 ||
		(p.permissions?.length ?? 0) > 0 ||
		p.tenant === 'required' ||
		(p.rules?.length ?? 0) > 0;
	return { authenticated: p.auth !== 'anonymous' || forbiddable, forbiddable };
}

/**
 * Lists the problem codes an operation can answer, by OpenAPI response key: its declared
 * errors (under their status, or the range or `default` they are documented as) and the
 * runtime's own problems that can happen on this route. Statuses come first in order, then
 * `4XX`, `5XX` and `default`.
 */
export function problemCodesByResponse(
	plan: Pick<OperationPlan, 'spec' | 'wire'>,
): Map<string, string[]> {
	const byKey = new Map<string, Set<string>>();
	const add = (key: string, code: string) => {
		byKey.set(key, (byKey.get(key) ?? new Set()).add(code));
	};
	const builtIn = (code: keyof typeof BUILT_IN_PROBLEMS) =>
		add(String(BUILT_IN_PROBLEMS[code].status), code);
	const hasBody = plan.wire.rest.method !== 'GET';
	const facts = policyFacts(plan);
	builtIn('BAD_REQUEST');
	builtIn('UNSAFE_KEY');
	if (hasBody) {
		builtIn('MALFORMED_JSON');
		builtIn('PAYLOAD_TOO_LARGE');
		builtIn('UNSUPPORTED_MEDIA_TYPE');
	}
	builtIn('UNAUTHENTICATED'); // an invalid token is refused on every operation
	if (facts.forbiddable) builtIn('FORBIDDEN');
	builtIn('NOT_FOUND'); // a handler reports a record the caller may not see as missing
	builtIn('VALIDATION_FAILED');
	if (plan.spec.kind === 'command') {
		builtIn('IDEMPOTENCY_IN_FLIGHT');
		builtIn('IDEMPOTENCY_KEY_REUSED');
	}
	builtIn('INTERNAL');
	for (const [code, declaration] of Object.entries(plan.spec.errors))
		add(declaration.documentedAs ?? String(declaration.status), code);
	// '400' < '4XX' < '500' < '5XX' < 'default' as text: statuses and ranges in order.
	return new Map(
		[...byKey.entries()]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([key, codes]) => [key, [...codes].sort()]),
	);
}
