import { createProblem, type Problem } from '@charter/spec';
import type { GraphQLError } from 'graphql';
import { problemToGraphqlError } from '../problems/problem-error.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A GraphQL-over-HTTP error response: `{ errors }` with the given status. */
export function errorResponse(
	status: number,
	errors: readonly { toJSON(): unknown }[],
	headers: Record<string, string> = {},
): Response {
	return new Response(JSON.stringify({ errors: errors.map((e) => e.toJSON()) }), {
		status,
		headers: { 'content-type': JSON_TYPE, ...headers },
	});
}

/** A response of one problem as a GraphQL error, with `Retry-After` when the problem has one. */
export function problemResponse(problem: Problem): Response {
	const error: GraphQLError = problemToGraphqlError(problem);
	return errorResponse(problem.status, [error], {
		...(problem.retryAfter !== undefined ? { 'retry-after': String(problem.retryAfter) } : {}),
		...(problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
	});
}

/** A JSON body with the given status. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': JSON_TYPE, ...headers },
	});
}

/** The problem of credentials that are missing or not valid. */
export function unauthenticated(detail: string): Problem {
	return createProblem('UNAUTHENTICATED', { detail });
}
