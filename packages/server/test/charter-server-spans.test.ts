import { detachUnsampledRoots } from '@charter/runtime';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	CALLER_SPAN_ID,
	CALLER_TRACE_ID,
	CALLER_TRACEPARENT,
	countingDroppingTracer,
	inMemoryTracing,
} from '../../../test-support/in-memory-tracing.ts';
import { createTodoExecutor } from '../../rest/test/fixtures/todo-api.ts';
import { type CharterServer, createCharterServer } from '../src/index.ts';

/*
 * The HTTP SERVER span of createCharterServer, on both of its sides: a request handed to
 * `server.fetch` is traced like one `server.node` receives (one rule in the runtime): named
 * by its route, continuing the caller's traceparent, the operation span its child.
 */

const tracing = inMemoryTracing('@charter/server');
const { exporter, tracer } = tracing;
const HEADERS = { 'content-type': 'application/json', authorization: 'Bearer alice' };

let server: CharterServer;
let base: string;

beforeAll(async () => {
	tracing.enable();
	server = createCharterServer({
		executor: createTodoExecutor({ tracer }),
		tracer,
		graphql: false,
	});
	({ url: base } = await server.listen(0, '127.0.0.1'));
});
afterAll(async () => {
	await server.close();
	tracing.disable();
});
beforeEach(() => exporter.reset());

/** A JSON-RPC `tools/call` POSTed to /mcp. */
const mcpCall = (params: Record<string, unknown>) =>
	new Request(`${base}/mcp`, {
		method: 'POST',
		headers: { ...HEADERS, accept: 'application/json, text/event-stream' },
		body: JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'tools/call', params }),
	});

const create = (title: string) =>
	new Request(`${base}/v1/todo/create`, {
		method: 'POST',
		headers: { ...HEADERS, traceparent: CALLER_TRACEPARENT },
		body: JSON.stringify({ title }),
	});

describe('HTTP server spans of the one host', () => {
	it("server.fetch makes the same SERVER span as server.node: named by the route, continuing the caller's trace, the operation span its child", async () => {
		const viaNode = await fetch(create('via node'));
		expect(viaNode.status).toBe(200);
		const nodeSpan = await tracing.serverSpan();
		exporter.reset();

		const viaFetch = await server.fetch(create('via fetch'));
		expect(viaFetch.status).toBe(200);
		const fetchSpan = await tracing.serverSpan();
		for (const span of [nodeSpan, fetchSpan]) {
			expect(span.name).toBe('POST /v1/todo/create');
			expect(span.spanContext().traceId).toBe(CALLER_TRACE_ID);
			expect(span.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
			expect(span.attributes).toMatchObject({
				'http.request.method': 'POST',
				'url.path': '/v1/todo/create',
				'url.scheme': 'http',
				'http.route': '/v1/todo/create',
				'http.response.status_code': 200,
			});
		}
		const operation = exporter.getFinishedSpans().find((s) => s.name === 'command todo.create')!;
		expect(operation.kind).toBe(SpanKind.INTERNAL);
		expect(operation.parentSpanContext?.spanId).toBe(fetchSpan.spanContext().spanId);
		expect(viaFetch.headers.get('x-trace-id')).toBe(CALLER_TRACE_ID);
	});

	it('an MCP tool call is a span `tools/call <tool>` under the request span, the operation span its child', async () => {
		const answer = await server.fetch(
			new Request(`${base}/mcp`, {
				method: 'POST',
				headers: { ...HEADERS, accept: 'application/json, text/event-stream' },
				body: JSON.stringify({
					jsonrpc: '2.0',
					id: 7,
					method: 'tools/call',
					params: { name: 'todo_list', arguments: {} },
				}),
			}),
		);
		expect(answer.status).toBe(200);
		const request = await tracing.serverSpan();
		const spans = exporter.getFinishedSpans();
		const call = spans.find((s) => s.name === 'tools/call todo_list')!;
		expect(call.kind).toBe(SpanKind.INTERNAL);
		expect(call.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
		expect(call.attributes).toMatchObject({
			'mcp.method.name': 'tools/call',
			'gen_ai.tool.name': 'todo_list',
			'jsonrpc.request.id': '7',
		});
		const operation = spans.find((s) => s.name === 'query todo.list')!;
		expect(operation.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
	});

	it("an MCP tool call's _meta.traceparent (SEP-414) is its parent, the request span linked", async () => {
		await server.fetch(
			mcpCall({ name: 'todo_list', arguments: {}, _meta: { traceparent: CALLER_TRACEPARENT } }),
		);
		await tracing.serverSpan();
		const spans = exporter.getFinishedSpans();
		const request = spans.find((s) => s.name === 'POST /mcp')!;
		const call = spans.find((s) => s.name === 'tools/call todo_list')!;
		expect(call.kind).toBe(SpanKind.SERVER);
		expect(call.spanContext().traceId).toBe(CALLER_TRACE_ID);
		expect(call.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
		expect(call.links.map((l) => l.context.spanId)).toEqual([request.spanContext().spanId]);
		const operation = spans.find((s) => s.name === 'query todo.list')!;
		expect(operation.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
	});

	it('detachUnsampledRoots: an MCP call in a request the sampler drops asks the SDK for the request span only, as REST does', async () => {
		const { tracer: sdk, started } = countingDroppingTracer('@charter/server');
		const counting = detachUnsampledRoots(sdk);
		const detached = createCharterServer({
			executor: createTodoExecutor({ tracer: counting }),
			tracer: counting,
			graphql: false,
		});
		const answer = await detached.fetch(mcpCall({ name: 'todo_list', arguments: {} }));
		expect(await answer.text()).not.toContain('isError');
		expect(started).toEqual(['POST']);
		started.length = 0;
		const rest = await detached.fetch(new Request(`${base}/v1/todo/list`, { headers: HEADERS }));
		expect(rest.status).toBe(200);
		expect(started).toEqual(['GET']);
	});

	it('on fetch: names MCP by its path, a 404 by its method alone, and leaves the request to a server span already active', async () => {
		await server.fetch(
			new Request(`${base}/mcp`, {
				method: 'POST',
				headers: { ...HEADERS, accept: 'application/json, text/event-stream' },
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
			}),
		);
		expect(await tracing.serverSpan()).toMatchObject({
			name: 'POST /mcp',
			attributes: { 'http.route': '/mcp', 'http.response.status_code': 200 },
		});
		exporter.reset();
		const missing = await server.fetch(new Request(`${base}/nowhere?x=1`));
		expect(missing.status).toBe(404);
		const span = await tracing.serverSpan();
		expect(span.name).toBe('GET');
		expect(span.attributes['url.path']).toBe('/nowhere');
		expect(span.attributes['http.route']).toBeUndefined();
		expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
		exporter.reset();

		// The application's own instrumentation made the server span: no second one.
		const outer: Span = tracer.startSpan('outer', { kind: SpanKind.SERVER });
		await context.with(trace.setSpan(context.active(), outer), () =>
			server.fetch(create('inside')),
		);
		outer.end();
		const servers = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
		expect(servers.map((s) => s.name)).toEqual(['outer']);
	});
});
