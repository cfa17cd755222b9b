import {
	type DocumentNode,
	type ExecutionResult,
	execute,
	type FormattedExecutionResult,
	GraphQLError,
	type GraphQLSchema,
	getOperationAST,
	type OperationDefinitionNode,
	parse,
	validate,
} from 'graphql';
import { requestIdempotency } from '../idempotency/request-idempotency.ts';
import { checkLimitsBeforeValidation, type QueryLimits } from '../limits/query-limits.ts';
import { jsonSizeUpTo, ResponseBudget } from '../limits/response-budget.ts';
import { maskError, requestError } from '../problems/problem-error.ts';
import type { GraphqlContext } from '../schema/graphql-schema.ts';

/** The parameters of a GraphQL-over-HTTP request. */
export interface GraphqlParams {
	readonly query: string;
	readonly variables?: Readonly<Record<string, unknown>> | null;
	readonly operationName?: string | null;
	/** `idempotencyKey` here is the request's idempotency key, like the `Idempotency-Key` header. */
	readonly extensions?: Readonly<Record<string, unknown>> | null;
}

/** A response ready to encode: HTTP status and the GraphQL result. */
export interface GraphqlResponse {
	readonly status: number;
	readonly body: FormattedExecutionResult;
	/** `Retry-After` when a field was refused for a while (rate limits, unavailable). */
	readonly headers?: Readonly<Record<string, string>>;
}

/** A document that passed parsing, validation and the limits, or the errors that stopped it. */
export type PreparedOperation =
	| {
			readonly ok: true;
			readonly document: DocumentNode;
			readonly operation: OperationDefinitionNode;
	  }
	| { readonly ok: false; readonly status: number; readonly errors: readonly GraphQLError[] };

/**
 * Checks a request before execution: shape, size, syntax (token-limited), the alias, depth,
 * cost and introspection limits, then schema validation and operation selection. Never throws
 * on bad input.
 */
export function prepareOperation(
	schema: GraphQLSchema,
	params: unknown,
	limits: Required<QueryLimits>,
): PreparedOperation {
	const bad = (message: string, status = 400) => ({
		ok: false as const,
		status,
		errors: [requestError(message, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', status)],
	});
	if (typeof params !== 'object' || params === null || Array.isArray(params)) {
		return bad('the request must be a JSON object with a "query" string');
	}
	const { query, variables, operationName } = params as Record<string, unknown>;
	if (typeof query !== 'string' || query.trim() === '')
		return bad('"query" must be a non-empty string');
	if (
		variables !== undefined &&
		variables !== null &&
		(typeof variables !== 'object' || Array.isArray(variables))
	) {
		return bad('"variables" must be an object');
	}
	if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
		return bad('"operationName" must be a string');
	}
	if (query.length > limits.maxDocumentLength) {
		return bad(
			`the document has ${query.length} characters; the limit is ${limits.maxDocumentLength}`,
			413,
		);
	}
	let document: DocumentNode;
	try {
		document = parse(query, { maxTokens: limits.maxTokens });
	} catch (error) {
		const base = error instanceof GraphQLError ? error : undefined;
		return {
			ok: false,
			status: 400,
			errors: [
				requestError(base?.message ?? 'the document cannot be parsed', 'BAD_REQUEST', 400, base),
			],
		};
	}
	// The cheap limits run first: full validation of a hostile document is the expensive part.
	const exceeded = checkLimitsBeforeValidation(
		schema,
		document,
		limits,
		variables as Record<string, unknown> | null | undefined,
	);
	if (exceeded.length > 0) return { ok: false, status: 400, errors: exceeded };
	const invalid = validate(schema, document, undefined, { maxErrors: 20 });
	if (invalid.length > 0) {
		return {
			ok: false,
			status: 400,
			errors: invalid.map((e) => requestError(e.message, 'BAD_REQUEST', 400, e)),
		};
	}
	const operation = getOperationAST(
		document,
		(operationName as string | null | undefined) ?? undefined,
	);
	if (!operation) {
		return bad(
			operationName
				? `no operation named "${operationName}"`
				: 'the document holds several operations; name one in "operationName"',
		);
	}
	return { ok: true, document, operation };
}

/**
 * Runs a query or mutation request end to end and returns the HTTP status and body.
 * Variable coercion failures are `VALIDATION_FAILED` request errors (400); problems from
 * the executor are field errors (200) with the problem in `extensions`; anything unexpected
 * is masked as an opaque `INTERNAL` error.
 */
export async function runGraphqlRequest(
	schema: GraphQLSchema,
	params: unknown,
	context: GraphqlContext,
	limits: Required<QueryLimits>,
	allowed: ReadonlySet<'query' | 'mutation' | 'subscription'> = new Set(['query', 'mutation']),
): Promise<GraphqlResponse> {
	const prepared = prepareOperation(schema, params, limits);
	if (!prepared.ok)
		return { status: prepared.status, body: { errors: prepared.errors.map((e) => e.toJSON()) } };
	if (!allowed.has(prepared.operation.operation)) {
		const message =
			prepared.operation.operation === 'subscription'
				? 'subscriptions are served over SSE: send "Accept: text/event-stream"'
				: `${prepared.operation.operation} operations are not allowed with this method; use POST`;
		return { status: 405, body: { errors: [requestError(message, 'BAD_REQUEST', 405).toJSON()] } };
	}
	const { variables, operationName, extensions } = params as GraphqlParams;
	const idempotency = requestIdempotency(extensions, context.metadata);
	if (!idempotency.ok) {
		return {
			status: 400,
			body: { errors: [requestError(idempotency.message, 'BAD_REQUEST', 400).toJSON()] },
		};
	}
	const budget = new ResponseBudget(limits.maxResultBytes);
	const deadline = new AbortController();
	const stop = () => deadline.abort();
	context.signal?.addEventListener('abort', stop, { once: true });
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => {
			deadline.abort();
			resolve('timeout');
		}, limits.maxRequestMs);
	});
	let result: ExecutionResult;
	try {
		const outcome = await Promise.race([
			execute({
				schema,
				document: prepared.document,
				variableValues: variables ?? undefined,
				operationName: operationName ?? undefined,
				contextValue: Object.assign(
					{},
					context,
					{ budget, signal: deadline.signal },
					idempotency.value ? { idempotency: idempotency.value } : {},
				),
			}),
			timedOut,
		]);
		if (outcome === 'timeout') {
			const message = `the request ran past its ${limits.maxRequestMs} ms deadline and was cancelled`;
			return {
				status: 504,
				body: { errors: [requestError(message, 'DEADLINE_EXCEEDED', 504).toJSON()] },
			};
		}
		result = outcome;
	} catch {
		return {
			status: 500,
			body: {
				errors: [
					maskError(
						new GraphQLError('Internal error', { originalError: new Error('execute failed') }),
					).toJSON(),
				],
			},
		};
	} finally {
		clearTimeout(timer);
		context.signal?.removeEventListener('abort', stop);
	}
	if (
		budget.exceeded ||
		jsonSizeUpTo(result.data, limits.maxResponseBytes) > limits.maxResponseBytes
	) {
		const message = budget.exceeded
			? `the operations' results would exceed ${limits.maxResultBytes} bytes; ask for fewer items`
			: `the response would exceed ${limits.maxResponseBytes} bytes; ask for fewer items or fields`;
		return {
			status: 400,
			body: { errors: [requestError(message, 'QUERY_TOO_COMPLEX', 400).toJSON()] },
		};
	}
	if (result.data === undefined && result.errors) {
		// Only variable coercion fails before any field runs.
		return {
			status: 400,
			body: {
				errors: result.errors.map((e) =>
					requestError(e.message, 'VALIDATION_FAILED', 422, e).toJSON(),
				),
			},
		};
	}
	const retryAfter = result.errors
		?.map((e) => e.extensions?.retryAfter)
		.find((r) => typeof r === 'number');
	return {
		status: 200,
		...(retryAfter !== undefined ? { headers: { 'retry-after': String(retryAfter) } } : {}),
		body: {
			...(result.errors ? { errors: result.errors.map((e) => maskError(e).toJSON()) } : {}),
			data: result.data ?? null,
			...(idempotency.value?.replayed ? { extensions: { idempotentReplayed: true } } : {}),
		},
	};
}
