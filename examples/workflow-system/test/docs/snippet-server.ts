import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXAMPLE_CLOCK, openExampleStores } from '@charter/cli';
import { createGraphqlHandler } from '@charter/graphql';
import { createMcpHttpHandler } from '@charter/mcp';
import { atPath, createRestServer } from '@charter/rest';
import {
	type AppDefinition,
	bearerTokenProvider,
	createExecutor,
	sequentialIds,
	silentLogger,
} from '@charter/runtime';
import type { ContractRegistry, Example } from '@charter/spec';

/** The bearer token the snippets are run with; it stands for the example fixture's caller. */
export const SNIPPET_TOKEN = 'snippet-token';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A server on one fixed URL (the one the docs' snippets are generated for) whose app can be
 * reset to the state an acceptance example starts from: fresh stores as `charter test` opens them
 * (SQLite in memory for the workflow app), the example's
 * fixture, its caller behind {@link SNIPPET_TOKEN}, the clock and ids `charter test` uses.
 * REST, GraphQL and MCP are served as `charter serve` serves them.
 */
export async function startSnippetServer(registry: ContractRegistry, app: AppDefinition) {
	let current: Listener = (_request, response) => response.writeHead(503).end();
	let close: (() => Promise<void>) | undefined;
	const server = createServer((request, response) => current(request, response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		/** Resets the app to the starting state of an example (or of nothing in particular). */
		async prepare(example: Example | undefined) {
			await close?.();
			const opened = await openExampleStores(app);
			const { stores } = opened;
			const instance = await app.create({
				stores,
				clock: () => new Date(EXAMPLE_CLOCK),
				newId: sequentialIds(),
			});
			close = async () => {
				await instance.close?.();
				await opened.close();
			};
			const fixture = example
				? (instance.fixtures?.[example.key] ??
					(example.scenario ? instance.fixtures?.[example.scenario] : undefined))
				: undefined;
			await fixture?.given?.();
			const contextProvider = bearerTokenProvider({
				tokens: { [SNIPPET_TOKEN]: fixture?.principal ?? { id: 'user-admin-1', roles: ['admin'] } },
			});
			const executor = createExecutor({
				contracts: registry,
				bindings: instance.bindings,
				deciders: instance.deciders ?? {},
				contextProvider,
				stores,
				clock: () => new Date(EXAMPLE_CLOCK),
				logger: silentLogger,
			});
			const graphql = createGraphqlHandler(registry, { executor, context: contextProvider });
			const mcp = createMcpHttpHandler(executor, registry);
			const rest = createRestServer(executor, {
				mounts: [atPath('/graphql', graphql.node), atPath('/mcp', mcp)],
			});
			current = rest.server.listeners('request')[0] as Listener;
		},
		async close() {
			await close?.();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
