import type { ContractRegistry } from '@charter/spec';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
	CallToolRequestSchema,
	type CallToolResult,
	ErrorCode,
	ListResourcesRequestSchema,
	ListToolsRequestSchema,
	McpError,
	ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import {
	createProblem,
	type ExecutorPort,
	type InvocationMetadata,
	type InvocationResult,
	type Problem,
	parseTraceparent,
	type Span,
	type Tracer,
	traceMcpRequest,
} from '../executor/executor-port.ts';
import {
	type ContractResource,
	contractResources,
	type DocsRenderer,
} from '../resources/contract-resources.ts';
import { buildToolCatalog, type ToolBinding } from '../tools/tool-catalog.ts';

/** Tools and resources compiled once from a registry, shared by every server instance. */
export interface McpCatalog {
	readonly tools: ReadonlyMap<string, ToolBinding>;
	readonly resources: ReadonlyMap<string, ContractResource>;
}

/** How an MCP server presents itself and calls the executor. */
export interface McpServerOptions {
	readonly name?: string;
	readonly version?: string;
	/**
	 * Metadata sent with every call, resolved to a principal by the runtime's context provider:
	 * on HTTP the request headers; on stdio a configured principal, e.g.
	 * `{ headers: { authorization: 'Bearer <token>' } }`.
	 */
	readonly metadata?: InvocationMetadata;
	/** Renders a contract's Markdown docs page (e.g. with @charter/docs); IR only without it. */
	readonly docs?: DocsRenderer;
	/** A catalog compiled earlier (the HTTP handler compiles once for all requests). */
	readonly catalog?: McpCatalog;
	/**
	 * Told of each failed call's problem (HTTP sends a rate limit's or an outage's
	 * `retryAfter` as the `Retry-After` header).
	 */
	readonly onProblem?: (problem: Problem) => void;
	/**
	 * Runs each `tools/call` in a span `tools/call <tool>` (MCP semantic conventions), the
	 * operation's span its child; no spans when undefined.
	 */
	readonly tracer?: Tracer;
}

/** Compiles the tools and resources of a registry. */
export function createMcpCatalog(registry: ContractRegistry, docs?: DocsRenderer): McpCatalog {
	return { tools: buildToolCatalog(registry), resources: contractResources(registry, docs) };
}

/**
 * Creates an MCP server whose tools are the registry's operations and whose resources are its
 * contracts. Every call goes through the executor; a problem becomes a tool result with
 * `isError: true` and the problem as `structuredContent`.
 *
 * @example
 * const server = createMcpServer(executor, registry, { metadata: { headers: { authorization: 'Bearer dev' } } });
 * await server.connect(new StdioServerTransport());
 */
export function createMcpServer(
	executor: ExecutorPort,
	registry: ContractRegistry,
	options: McpServerOptions = {},
): Server {
	const catalog = options.catalog ?? createMcpCatalog(registry, options.docs);
	const server = new Server(
		{ name: options.name ?? 'charter', version: options.version ?? '0.1.0' },
		{ capabilities: { tools: {}, resources: {} } },
	);
	server.setRequestHandler(ListToolsRequestSchema, () => ({
		tools: [...catalog.tools.values()].map((b) => b.tool),
	}));
	server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
		const binding = catalog.tools.get(request.params.name);
		if (!binding) {
			throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
		}
		const args = request.params.arguments ?? {};
		const meta = request.params._meta;
		const key = idempotencyKeyOf(meta, options.metadata);
		if (typeof key === 'object') return problemResult(key, false);
		const traceparent = traceparentOf(meta);
		const call = async (detachedSpan?: Span): Promise<ToolOutcome> => {
			const result = await executor.execute({
				operation: binding.spec.meta.key,
				version: binding.spec.meta.version,
				input: binding.wrapsInput ? args.input : args,
				metadata: callMetadata(options.metadata, traceparent, detachedSpan),
				signal: extra.signal,
				...(key !== undefined && binding.spec.kind === 'command' ? { idempotencyKey: key } : {}),
			});
			return toolOutcome(binding, result);
		};
		const outcome = await (options.tracer
			? traceMcpRequest(
					options.tracer,
					{
						method: 'tools/call',
						tool: request.params.name,
						id: extra.requestId,
						traceparent,
						detachedSpan: options.metadata?.access?.detachedSpan,
					},
					call,
				)
			: call());
		if (outcome.problem !== undefined) options.onProblem?.(outcome.problem);
		return outcome.result;
	});
	server.setRequestHandler(ListResourcesRequestSchema, () => ({
		resources: [...catalog.resources.values()].map((r) => r.resource),
	}));
	server.setRequestHandler(ReadResourceRequestSchema, (request) => {
		const found = catalog.resources.get(request.params.uri);
		if (!found)
			throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${request.params.uri}`);
		return {
			contents: [
				{ uri: found.resource.uri, mimeType: found.resource.mimeType, text: found.read() },
			],
		};
	});
	return server;
}

/**
 * The idempotency key of a tool call: `_meta.idempotencyKey`, or the `Idempotency-Key` header
 * on HTTP (the same key if both are sent); a 400 problem for a key that is not a string or two
 * keys that differ.
 */
function idempotencyKeyOf(
	meta: Record<string, unknown> | undefined,
	metadata: InvocationMetadata | undefined,
): string | undefined | Problem {
	const fromMeta = meta?.idempotencyKey;
	const fromHeader = metadata?.headers?.['idempotency-key'];
	const bad = (detail: string): Problem => createProblem('BAD_REQUEST', { detail });
	if (fromMeta !== undefined && typeof fromMeta !== 'string') {
		return bad('"_meta.idempotencyKey" must be a string');
	}
	if (fromMeta !== undefined && fromHeader !== undefined && fromMeta !== fromHeader) {
		return bad('the Idempotency-Key header and "_meta.idempotencyKey" differ; send one key');
	}
	return fromMeta ?? fromHeader;
}

/** A tool call's result, and the problem it reports when it failed. */
interface ToolOutcome {
	readonly result: CallToolResult;
	readonly problem?: Problem;
}

/** The tool result of an executor's answer: its output, checked against the contract, or its problem. */
function toolOutcome(binding: ToolBinding, result: InvocationResult): ToolOutcome {
	if (!result.ok)
		return { result: problemResult(result.problem, binding.wrapsInput), problem: result.problem };
	const checked = binding.output.validate(result.output);
	if (!checked.ok) {
		const problem: Problem = {
			type: 'urn:charter:problem:output-contract-violation',
			title: 'Internal error',
			status: 500,
			code: 'OUTPUT_CONTRACT_VIOLATION',
			traceId: result.traceId,
		};
		return { result: problemResult(problem, false), problem };
	}
	const structured = binding.wrapsOutput ? { result: result.output } : result.output;
	return {
		result: {
			content: [{ type: 'text', text: JSON.stringify(structured) }],
			structuredContent: structured as Record<string, unknown>,
			...(result.replayed ? { _meta: { idempotentReplayed: true } } : {}),
		},
	};
}

/** The caller's W3C `traceparent` in `_meta` (SEP-414), when it is one: continued as on HTTP. */
function traceparentOf(meta: Record<string, unknown> | undefined): string | undefined {
	const value = meta?.traceparent;
	return typeof value === 'string' && parseTraceparent(value) !== undefined ? value : undefined;
}

/**
 * The metadata a call runs with: the server's (the request's headers on HTTP), its transport,
 * a `_meta.traceparent` in place of the header, and the dropped MCP span the operation stands
 * on when its context was not entered (`detachUnsampledRoots`).
 */
function callMetadata(
	metadata: InvocationMetadata | undefined,
	traceparent: string | undefined,
	detachedSpan: Span | undefined,
): InvocationMetadata {
	// Object.assign: a spread given more keys outlives the request on Node 20.
	const call: InvocationMetadata = Object.assign({}, metadata, { transport: 'mcp' as const });
	if (traceparent !== undefined)
		Object.assign(call, { headers: Object.assign({}, metadata?.headers, { traceparent }) });
	if (detachedSpan !== undefined) {
		const access = metadata?.access ?? {};
		access.detachedSpan = detachedSpan;
		Object.assign(call, { access });
	}
	return call;
}

/** Encodes a problem as a failed tool result; input issue paths point into `arguments`. */
function problemResult(problem: Problem, wrapsInput: boolean): CallToolResult {
	const located =
		wrapsInput && problem.issues
			? Object.assign({}, problem, {
					issues: problem.issues.map((i) => Object.assign({}, i, { path: `/input${i.path}` })),
				})
			: problem;
	return {
		isError: true,
		content: [
			{
				type: 'text',
				text: `${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`,
			},
			{ type: 'text', text: JSON.stringify(located) },
		],
		structuredContent: located as unknown as Record<string, unknown>,
	};
}
