/** One reason an input (or output) was refused, with a JSON pointer to the value. */
export interface ProblemIssue {
	readonly path: string;
	readonly code: string;
	readonly message: string;
}

/** An RFC 9457 problem document, as every surface returns it. */
export interface Problem {
	readonly type: string;
	readonly title: string;
	readonly status: number;
	readonly code: string;
	readonly detail?: string;
	readonly traceId?: string;
	readonly issues?: readonly ProblemIssue[];
	/** Extra, contract-declared data of a business error. */
	readonly data?: unknown;
	/** Seconds after which a retry may succeed (429, 503); surfaces send it as `Retry-After`. */
	readonly retryAfter?: number;
}

/** Prefix of every problem `type` URI; the code follows in kebab case. */
export const PROBLEM_TYPE_BASE = 'urn:charter:problem:';

/** Problems the runtime and surfaces themselves produce, with status and title. */
export const BUILT_IN_PROBLEMS = {
	BAD_REQUEST: { status: 400, title: 'Bad request' },
	MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
	UNSAFE_KEY: { status: 400, title: 'Forbidden key in input' },
	UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
	FORBIDDEN: { status: 403, title: 'Forbidden' },
	NOT_FOUND: { status: 404, title: 'Not found' },
	UNKNOWN_OPERATION: { status: 404, title: 'Unknown operation' },
	METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
	CONFLICT: { status: 409, title: 'Conflict' },
	IDEMPOTENCY_IN_FLIGHT: {
		status: 409,
		title: 'A request with this idempotency key is in progress',
	},
	PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
	UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
	VALIDATION_FAILED: { status: 422, title: 'Input does not match the contract' },
	IDEMPOTENCY_KEY_REUSED: {
		status: 422,
		title: 'Idempotency key reused with a different payload',
	},
	RATE_LIMITED: { status: 429, title: 'Too many requests' },
	REQUEST_CANCELLED: { status: 499, title: 'Request cancelled by the caller' },
	INTERNAL: { status: 500, title: 'Internal error' },
	OUTPUT_CONTRACT_VIOLATION: { status: 500, title: 'Internal error' },
	EVENT_CONTRACT_VIOLATION: { status: 500, title: 'Internal error' },
	NOT_IMPLEMENTED: { status: 501, title: 'Not implemented' },
	UNAVAILABLE: { status: 503, title: 'Service unavailable' },
	DEADLINE_EXCEEDED: { status: 504, title: 'Deadline exceeded' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A code of {@link BUILT_IN_PROBLEMS}. */
export type BuiltInProblemCode = keyof typeof BUILT_IN_PROBLEMS;

/** Gives the `type` URI of a problem code (`INVALID_STATE` -> `urn:charter:problem:invalid-state`). */
export function problemType(code: string): string {
	return PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll('_', '-');
}

/**
 * Creates a problem document for a built-in code; optional fields are set only when given.
 *
 * @example
 * createProblem('UNAUTHENTICATED', { traceId, detail: 'a bearer token is required' });
 */
export function createProblem(
	code: BuiltInProblemCode,
	extra: {
		detail?: string;
		traceId?: string;
		issues?: readonly ProblemIssue[];
		retryAfter?: number;
	} = {},
): Problem {
	const { status, title } = BUILT_IN_PROBLEMS[code];
	return buildProblem({ code, status, title, ...extra });
}

/** Builds a problem from its parts, with the `type` derived from the code. */
export function buildProblem(parts: {
	code: string;
	status: number;
	title: string;
	detail?: string | undefined;
	traceId?: string | undefined;
	issues?: readonly ProblemIssue[] | undefined;
	data?: unknown;
	retryAfter?: number | undefined;
}): Problem {
	return {
		type: problemType(parts.code),
		title: parts.title,
		status: parts.status,
		code: parts.code,
		...(parts.detail !== undefined ? { detail: parts.detail } : {}),
		...(parts.traceId !== undefined ? { traceId: parts.traceId } : {}),
		...(parts.issues !== undefined ? { issues: parts.issues } : {}),
		...(parts.data !== undefined ? { data: parts.data } : {}),
		...(parts.retryAfter !== undefined ? { retryAfter: parts.retryAfter } : {}),
	};
}

/** Tells whether a value has the shape of a problem document (used by clients and tests). */
export function isProblem(value: unknown): value is Problem {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as Record<string, unknown>;
	if (
		typeof p.type !== 'string' ||
		typeof p.title !== 'string' ||
		typeof p.code !== 'string' ||
		!Number.isInteger(p.status) ||
		(p.status as number) < 400 ||
		(p.status as number) > 599
	) {
		return false;
	}
	if (p.detail !== undefined && typeof p.detail !== 'string') return false;
	if (p.traceId !== undefined && typeof p.traceId !== 'string') return false;
	if (p.issues === undefined) return true;
	return (
		Array.isArray(p.issues) &&
		p.issues.every(
			(i) =>
				typeof i === 'object' &&
				i !== null &&
				typeof i.path === 'string' &&
				(i.path === '' || i.path.startsWith('/')) &&
				typeof i.code === 'string' &&
				typeof i.message === 'string',
		)
	);
}
