import { type OperationSpec, restRoute } from '@charter/spec';
import type {
	AnyOperation,
	CallOptions,
	CallResult,
	Client,
	ClientOptions,
} from './client-types.ts';
import { createHttpCaller } from './http-caller.ts';

/**
 * Creates a typed REST client from contracts, without code generation. Methods nest by key
 * segments and throw a `ProblemError` carrying the problem document; `tryCall` resolves to
 * `{ ok, value }` or `{ ok: false, problem }` with the problem's code typed from the contract.
 *
 * @example
 * const client = createClient([PauseWorkflowContract], { baseUrl, token, timeoutMs: 10_000 });
 * const instance = await client.workflow.instance.pause({ instanceId: 'inst-1' });
 * const result = await client.tryCall(PauseWorkflowContract, { instanceId: 'inst-1' });
 */
export function createClient<const C extends readonly AnyOperation[]>(
	contracts: C,
	options: ClientOptions,
): Client<C> {
	const caller = createHttpCaller(options);
	const call = (spec: OperationSpec, input: unknown, o?: CallOptions) =>
		caller.call(restRoute(spec), input, o);

	const root: Record<string, unknown> = {};
	for (const spec of contracts) {
		const segments = spec.meta.key.split('.');
		let node: Record<string, unknown> = root;
		segments.forEach((segment, i) => {
			const last = i === segments.length - 1;
			const existing = node[segment] as Record<string, unknown> | undefined;
			if (last) {
				const method = (input: unknown, o?: CallOptions) => call(spec, input, o);
				node[segment] = Object.assign(method, existing);
			} else {
				if (!existing) node[segment] = {};
				node = node[segment] as Record<string, unknown>;
			}
		});
	}
	root.call = call;
	root.tryCall = (spec: OperationSpec, input: unknown, o?: CallOptions) =>
		caller.send(restRoute(spec), input, o) as Promise<CallResult<AnyOperation>>;
	return root as Client<C>;
}
