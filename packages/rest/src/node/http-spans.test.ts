import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { detachUnsampledRoots, silentLogger, traceHttpRequests } from '@charter/runtime';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
	AlwaysOffSampler,
	BasicTracerProvider,
	InMemorySpanExporter,
	ParentBasedSampler,
	SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	CALLER_SPAN_ID,
	CALLER_TRACE_ID,
	CALLER_TRACEPARENT,
	countingDroppingTracer,
	inMemoryTracing,
} from '../../../../test-support/in-memory-tracing.ts';
import { createTodoExecutor } from '../../test/fixtures/todo-api.ts';
import { atPath } from './node-mounts.ts';
import { createRestServer, type RestServer } from './node-server.ts';

const tracing = inMemoryTracing('@charter/rest');
const { exporter, tracer } = tracing;
const ALICE = { authorization: 'Bearer alice' };

let rest: RestServer;
let url: string;

beforeAll(async () => {
	tracing.enable();
	rest = createRestServer(createTodoExecutor({ logger: silentLogger, tracer }), {
		tracer,
		mounts: [
			atPath('/site', (_request, response) => void response.end('page')),
			atPath('/broken', (_request, response) => void response.writeHead(503).end()),
		],
	});
	({ url } = await rest.listen(0));
});
afterAll(async () => {
	await rest.close();
	tracing.disable();
});
beforeEach(() => exporter.reset());

/** The finished spans, once the server span of the last request has ended (on close). */
async function finished() {
	await tracing.serverSpan();
	return exporter.getFinishedSpans();
}

describe('HTTP server spans', () => {
	it("make each request a SERVER span named by its route, continuing the caller's trace, with the operation span its child", async () => {
		const created = await fetch(`${url}/v1/todo/create`, {
			method: 'POST',
			headers: { ...ALICE, 'content-type': 'application/json', traceparent: CALLER_TRACEPARENT },
			body: JSON.stringify({ title: 'trace me' }),
		});
		expect(created.status).toBe(200);
		const { id } = (await created.json()) as { id: string };
		let spans = await finished();
		const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
		expect(server.name).toBe('POST /v1/todo/create');
		expect(server.spanContext().traceId).toBe(CALLER_TRACE_ID);
		expect(server.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
		expect(server.attributes).toMatchObject({
			'http.request.method': 'POST',
			'url.path': '/v1/todo/create',
			'url.scheme': 'http',
			'http.route': '/v1/todo/create',
			'http.response.status_code': 200,
		});
		const operation = spans.find((s) => s.name === 'command todo.create')!;
		expect(operation.kind).toBe(SpanKind.INTERNAL);
		expect(operation.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
		expect(created.headers.get('x-trace-id')).toBe(CALLER_TRACE_ID);

		exporter.reset();
		const read = await fetch(`${url}/v1/todos/${id}?unused=1`, { headers: ALICE });
		expect(read.status).toBe(200);
		spans = await finished();
		const get = spans.find((s) => s.kind === SpanKind.SERVER)!;
		// The route is the template, the path the request's own (without its query).
		expect(get.name).toBe('GET /v1/todos/{id}');
		expect(get.attributes).toMatchObject({ 'url.path': `/v1/todos/${id}` });
		expect(get.parentSpanContext).toBeUndefined();
	});

	it('names a mount by its prefix, a 404 by its method alone, and marks a 5xx failed', async () => {
		await fetch(`${url}/site/page`);
		expect((await finished()).find((s) => s.kind === SpanKind.SERVER)).toMatchObject({
			name: 'GET /site',
			attributes: { 'http.route': '/site', 'http.response.status_code': 200 },
		});
		exporter.reset();
		await fetch(`${url}/nowhere`);
		const missing = (await finished()).find((s) => s.kind === SpanKind.SERVER)!;
		expect(missing.name).toBe('GET');
		expect(missing.attributes['http.route']).toBeUndefined();
		expect(missing.attributes['http.response.status_code']).toBe(404);
		expect(missing.status.code).not.toBe(SpanStatusCode.ERROR);
		exporter.reset();
		await fetch(`${url}/broken`);
		const broken = (await finished()).find((s) => s.kind === SpanKind.SERVER)!;
		expect(broken.attributes['http.response.status_code']).toBe(503);
		expect(broken.status.code).toBe(SpanStatusCode.ERROR);
	});

	it('records nothing when the sampler drops the request; the call still answers with its trace id', async () => {
		const off = new InMemorySpanExporter();
		const unsampled = new BasicTracerProvider({
			sampler: new AlwaysOffSampler(),
			spanProcessors: [new SimpleSpanProcessor(off)],
		}).getTracer('off');
		const quiet = createRestServer(
			createTodoExecutor({ logger: silentLogger, tracer: unsampled }),
			{
				tracer: unsampled,
			},
		);
		const { url: quietUrl } = await quiet.listen(0);
		try {
			const response = await fetch(`${quietUrl}/v1/todo/list`, { headers: ALICE });
			expect(response.status).toBe(200);
			expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(off.getFinishedSpans()).toEqual([]);
		} finally {
			await quiet.close();
		}
	});

	it('with detachUnsampledRoots a request the sampler drops and that continues no trace runs outside any context; one with a traceparent enters it', async () => {
		const dropping = new BasicTracerProvider({
			sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
		}).getTracer('off');
		const seen: (string | undefined)[] = [];
		const server = createServer(
			traceHttpRequests(detachUnsampledRoots(dropping), (_request, response) => {
				seen.push(trace.getActiveSpan()?.spanContext().traceId);
				response.end();
			}),
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		try {
			await fetch(at);
			await fetch(at, { headers: { traceparent: CALLER_TRACEPARENT.replace(/-01$/, '-00') } });
			expect(seen).toEqual([undefined, CALLER_TRACE_ID]);
		} finally {
			server.close();
		}
	});

	it("with detachUnsampledRoots the call under a dropped request asks the SDK for no span of its own: its trace id is the request span's", async () => {
		const { tracer: sdk, spans: started } = countingDroppingTracer('off');
		const counting = detachUnsampledRoots(sdk);
		const detached = createRestServer(
			createTodoExecutor({ logger: silentLogger, tracer: counting }),
			{ tracer: counting },
		);
		const { url: detachedUrl } = await detached.listen(0);
		try {
			const response = await fetch(`${detachedUrl}/v1/todo/list`, { headers: ALICE });
			expect(response.status).toBe(200);
			expect(started).toHaveLength(1);
			expect(response.headers.get('x-trace-id')).toBe(started[0]!.spanContext().traceId);
		} finally {
			await detached.close();
		}
	});

	it("with detachUnsampledRoots and samplesNoRoot a request that continues no trace asks the SDK for nothing (its trace id is Charter's own); a sampled caller's trace is still followed", async () => {
		const exported = new InMemorySpanExporter();
		const { tracer: sdk, started } = countingDroppingTracer('off', exported);
		const counting = detachUnsampledRoots(sdk, { samplesNoRoot: true });
		const server = createRestServer(
			createTodoExecutor({ logger: silentLogger, tracer: counting }),
			{ tracer: counting },
		);
		const { url: serverUrl } = await server.listen(0);
		try {
			const root = await fetch(`${serverUrl}/v1/todo/list`, { headers: ALICE });
			expect(root.status).toBe(200);
			expect(started).toEqual([]);
			expect(root.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
			const continued = await fetch(`${serverUrl}/v1/todo/list`, {
				headers: { ...ALICE, traceparent: CALLER_TRACEPARENT },
			});
			expect(continued.status).toBe(200);
			expect(started.slice(0, 2)).toEqual(['GET', 'query todo.list']);
			expect(continued.headers.get('x-trace-id')).toBe(CALLER_TRACE_ID);
			for (let i = 0; i < 100 && exported.getFinishedSpans().length < started.length; i++)
				await new Promise((resolve) => setTimeout(resolve, 5));
			const traces = exported.getFinishedSpans().map((span) => span.spanContext().traceId);
			expect(traces).toEqual(started.map(() => CALLER_TRACE_ID));
		} finally {
			await server.close();
		}
	});
});
