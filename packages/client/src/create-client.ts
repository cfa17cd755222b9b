import { clientMethods, type OperationSpec, restRoute } from '@charter/spec';
import type {
	AnyOperation,
	CallOptions,
	CallResult,
	Client,
	ClientOptions,
} from './client-types.ts';
import { withDeclaredErrors } from './declared-error.ts';
import { createHttpCaller } from './http-caller.ts';

/**
 * Creates a typed REST client from contracts, without code generation. Methods nest by key
 * segments, `V<n>` on the last one from major version 2 (`clientMethodPath`, the generated
 * SDK's rule too: `client.todo.item.get`, `client.todo.item.getV2`), and throw a `ProblemError` carrying the problem document; `tryCall` resolves to
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
	for (const { path, spec } of clientMethods(contracts)) {
		let node = root;
		for (const segment of path.slice(0, -1)) {
			node[segment] ??= {};
			node = node[segment] as Record<string, unknown>;
		}
		const last = path[path.length - 1]!;
		const method = withDeclaredErrors(
			(input: unknown, o?: CallOptions) => call(spec, input, o),
			Object.keys(spec.errors),
		);
		// A key that is also a prefix of others (`todo.item`, `todo.item.get`) is both.
		node[last] = Object.assign(method, node[last]);
	}
	root.call = call;
	root.tryCall = (spec: OperationSpec, input: unknown, o?: CallOptions) =>
		caller.send(restRoute(spec), input, o) as Promise<CallResult<AnyOperation>>;
	return root as Client<C>;
}
