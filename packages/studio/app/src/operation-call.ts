import { createClient, ProblemError } from '@charter/react';
import type { OperationSpec } from '@charter/spec';
import { API, type OperationInput } from '../../src/api/studio-api.ts';
import { studioFetch } from './studio-client.ts';

/** What came back from one call: its status, trace id and body (output or problem). */
export interface CallOutcome {
	readonly ok: boolean;
	readonly status: number;
	readonly traceId?: string;
	readonly body: unknown;
}

/**
 * Calls an operation as a given bearer token through the server's REST surface with the typed
 * client of @charter/react: the same route, executor and policy as any client's call.
 */
export async function callOperation(
	spec: OperationSpec,
	input: unknown,
	options: { readonly token: string; readonly restBase: string; readonly idempotencyKey?: string },
): Promise<CallOutcome> {
	let status = 0;
	let traceId: string | undefined;
	const client = createClient([spec], {
		baseUrl: new URL(options.restBase || '/', location.origin).href,
		token: options.token,
		fetch: async (url, init) => {
			const response = await fetch(url, init);
			status = response.status;
			traceId = response.headers.get('x-trace-id') ?? undefined;
			return response;
		},
	});
	try {
		const body = await client.call(spec as never, input as never, {
			...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
		});
		return { ok: true, status, ...(traceId ? { traceId } : {}), body };
	} catch (error) {
		if (error instanceof ProblemError) {
			const problem = error.problem;
			const trace = problem.traceId ?? traceId;
			return {
				ok: false,
				status: problem.status,
				...(trace ? { traceId: trace } : {}),
				body: problem,
			};
		}
		return {
			ok: false,
			status: 0,
			body: { title: 'Network error', detail: (error as Error).message },
		};
	}
}

/** Validates an input with the server's own validator (the page's CSP forbids compiling one here). */
export function serverValidator(token: string, spec: OperationSpec) {
	return (input: unknown) =>
		studioFetch<{ ok: true; value: unknown } | { ok: false; issues: [] }>(API.validate, token, {
			method: 'POST',
			body: {
				operation: spec.meta.key,
				version: spec.meta.version,
				input,
			} satisfies OperationInput,
		});
}
