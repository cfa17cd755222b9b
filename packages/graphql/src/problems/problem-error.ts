import { GraphQLError } from 'graphql';
import type { Problem } from '../executor/executor-port.ts';

/**
 * Creates the GraphQL error of a problem: the message is the problem's detail (or title) and
 * `extensions` carry `code`, `status`, `type`, `title`, `traceId`, `issues` and `data`.
 */
export function problemToGraphqlError(problem: Problem): GraphQLError {
	return new GraphQLError(problem.detail ?? problem.title, {
		extensions: {
			code: problem.code,
			status: problem.status,
			type: problem.type,
			title: problem.title,
			...(problem.traceId !== undefined ? { traceId: problem.traceId } : {}),
			...(problem.issues !== undefined ? { issues: problem.issues } : {}),
			...(problem.data !== undefined ? { data: problem.data } : {}),
			...(problem.retryAfter !== undefined ? { retryAfter: problem.retryAfter } : {}),
		},
	});
}

/** Creates a request-level error (bad document, bad variables, limits) with a problem code. */
export function requestError(
	message: string,
	code:
		| 'BAD_REQUEST'
		| 'FORBIDDEN'
		| 'VALIDATION_FAILED'
		| 'QUERY_TOO_COMPLEX'
		| 'PAYLOAD_TOO_LARGE'
		| 'DEADLINE_EXCEEDED',
	status: number,
	base?: GraphQLError,
): GraphQLError {
	return new GraphQLError(message, {
		...(base?.nodes ? { nodes: base.nodes } : {}),
		...(base?.source ? { source: base.source } : {}),
		...(base?.positions ? { positions: base.positions } : {}),
		extensions: { ...base?.extensions, code, status },
	});
}

/** Masks an unexpected error as an opaque INTERNAL problem; problems and request errors pass. */
export function maskError(error: GraphQLError): GraphQLError {
	if (typeof error.extensions.code === 'string') return error;
	const original = error.originalError;
	// graphql-js's own errors (coercion, unknown field) have no original error or a GraphQLError one.
	if (original === undefined || original instanceof GraphQLError) {
		return requestError(error.message, 'BAD_REQUEST', 400, error);
	}
	return new GraphQLError('Internal error', {
		...(error.path ? { path: error.path } : {}),
		extensions: { code: 'INTERNAL', status: 500, type: 'urn:charter:problem:internal' },
	});
}
