import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphqlHandler } from '@charter/graphql';
import { createMcpHttpHandler } from '@charter/mcp';
import { atPath, createRestServer } from '@charter/rest';
import {
	bearerTokenProvider,
	createExecutor,
	createOutboxRelay,
	sequentialIds,
	silentLogger,
} from '@charter/runtime';
import type { SqlStores } from '@charter/sql';
import { DEMO_TOKENS } from '../src/app/demo-principals.ts';
import { createWorkflowApp } from '../src/app/workflow-app.ts';
import { createSqlWorkflowRepositories } from '../src/store/sql/sql-workflow-repository.ts';
import type { WorkflowDatabase } from '../src/store/sql/workflow-database.ts';
import { workflowRegistry } from './load-contracts.ts';
import { openMemoryDatabase } from './workflow-harness.ts';

/** What a surface answered: the HTTP status, its headers and the parsed body. */
export interface Answer {
	readonly status: number;
	readonly headers: Headers;
	readonly body: any;
}

/**
 * The workflow example on REST, GraphQL and MCP (as `charter serve` mounts them) on a random
 * local port, with the demo tokens; SQLite in memory unless given stores. For tests that must see one
 * behaviour on every surface.
 */
export async function startSurfaceServer(options: { stores?: SqlStores<WorkflowDatabase> } = {}) {
	const registry = await workflowRegistry();
	const stores = options.stores ?? (await openMemoryDatabase());
	const app = createWorkflowApp(
		{ stores, clock: () => new Date(), newId: sequentialIds() },
		createSqlWorkflowRepositories(stores.db),
	);
	const contextProvider = bearerTokenProvider({ tokens: DEMO_TOKENS });
	const executor = createExecutor({
		contracts: registry,
		bindings: app.bindings,
		deciders: app.deciders ?? {},
		contextProvider,
		stores,
		logger: silentLogger,
	});
	// As `charter serve`: the outbox relay publishes what commands commit, woken on each commit.
	const relay = createOutboxRelay({
		outbox: stores.outbox,
		publisher: executor.bus,
		onCommit: stores.onCommit,
	});
	relay.start();
	const graphql = createGraphqlHandler(registry, {
		executor,
		events: executor.bus,
		context: contextProvider,
	});
	const mcp = createMcpHttpHandler(executor, registry);
	const rest = createRestServer(executor, {
		mounts: [atPath('/graphql', graphql.node), atPath('/mcp', mcp)],
	});
	const server = createServer(rest.server.listeners('request')[0] as never);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const send = async (path: string, init: RequestInit): Promise<Answer> => {
		const response = await fetch(`${url}${path}`, init);
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {}
		return { status: response.status, headers: response.headers, body };
	};
	const auth = (token: string | undefined): Record<string, string> =>
		token ? { authorization: `Bearer ${token}` } : {};

	return {
		url,
		executor,
		stores,
		/** A REST call: GET with the path's query, or POST with a JSON body. */
		rest(token: string | undefined, path: string, body?: unknown, headers = {}) {
			return send(path, {
				method: body === undefined ? 'GET' : 'POST',
				headers: { ...auth(token), 'content-type': 'application/json', ...headers },
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
			});
		},
		/** A GraphQL request (POST, JSON), optionally with extensions and extra headers. */
		graphql(
			token: string | undefined,
			query: string,
			variables: Record<string, unknown> = {},
			extra: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
		) {
			return send('/graphql', {
				method: 'POST',
				headers: { ...auth(token), 'content-type': 'application/json', ...extra.headers },
				body: JSON.stringify({
					query,
					variables,
					...(extra.extensions ? { extensions: extra.extensions } : {}),
				}),
			});
		},
		/** An MCP `tools/call` over Streamable HTTP; its `structuredContent` is in `body.result`. */
		mcp(
			token: string | undefined,
			tool: string,
			args: Record<string, unknown>,
			extra: { meta?: Record<string, unknown>; headers?: Record<string, string> } = {},
		) {
			return send('/mcp', {
				method: 'POST',
				headers: {
					...auth(token),
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
					...extra.headers,
				},
				body: JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'tools/call',
					params: { name: tool, arguments: args, ...(extra.meta ? { _meta: extra.meta } : {}) },
				}),
			});
		},
		async close() {
			await relay.stop();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A surface server. */
export type SurfaceServer = Awaited<ReturnType<typeof startSurfaceServer>>;
