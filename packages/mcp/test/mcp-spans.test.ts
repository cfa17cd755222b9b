import { PassThrough } from 'node:stream';
import {
	createExecutor,
	detachUnsampledRoots,
	type Executor,
	implement,
	silentLogger,
	type Tracer,
} from '@charter/runtime';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	CALLER_SPAN_ID,
	CALLER_TRACE_ID,
	CALLER_TRACEPARENT,
	countingDroppingTracer,
	inMemoryTracing,
} from '../../../test-support/in-memory-tracing.ts';
import { fixtureRegistry, Ping } from '../../graphql/test/fixtures/fixture-contracts.ts';
import { fixtureContext } from '../../graphql/test/fixtures/fixture-executor.ts';
import { serveMcpStdio } from '../src/index.ts';

/*
 * The span of an MCP tool call on stdio, where no HTTP request span is its parent: a SERVER
 * root, or the child of the caller's `_meta.traceparent`; failed only by a server fault.
 */

const tracing = inMemoryTracing('@charter/mcp');
const { exporter, tracer } = tracing;
const registry = fixtureRegistry();
type ExecutorPort = Pick<Executor, 'execute'>;
const at = '2026-01-31T12:00:00Z';

beforeAll(() => tracing.enable());
afterAll(() => tracing.disable());
beforeEach(() => exporter.reset());

/** An executor over the fixture contracts whose `system.ping` answers, or fails as told (the rest 501). */
function pingExecutor(traced: Tracer | undefined, fails = false): ExecutorPort {
	return createExecutor({
		contracts: registry,
		contextProvider: fixtureContext,
		logger: silentLogger,
		...(traced ? { tracer: traced } : {}),
		serveUnimplemented: true,
		bindings: [
			implement(Ping, (input) => {
				if (fails) throw new Error('the clock is gone');
				return input.at;
			}),
		],
	});
}

/** Serves `executor` over in-memory stdio and calls one tool, as a client would. */
async function callOverStdio(
	executor: ExecutorPort,
	traced: Tracer | undefined,
	params: Record<string, unknown>,
): Promise<{ isError?: boolean; structuredContent?: Record<string, unknown> }> {
	const stdin = new PassThrough();
	const stdout = new PassThrough();
	const server = await serveMcpStdio(executor, registry, {
		stdin,
		stdout,
		...(traced ? { tracer: traced } : {}),
	});
	try {
		const reply = new Promise<string>((resolve) => stdout.once('data', (c) => resolve(`${c}`)));
		stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params })}\n`);
		return (JSON.parse(await reply) as { result: never }).result;
	} finally {
		await server.close();
	}
}

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().find((s) => s.name === name);

describe('MCP spans over stdio', () => {
	it('a tool call is a SERVER span of its own, the operation span its child', async () => {
		const result = await callOverStdio(pingExecutor(tracer), tracer, {
			name: 'system_ping',
			arguments: { at },
		});
		expect(result.isError).toBeFalsy();
		const call = named('tools/call system_ping')!;
		expect(call.kind).toBe(SpanKind.SERVER);
		expect(call.parentSpanContext).toBeUndefined();
		expect(call.attributes).toMatchObject({
			'mcp.method.name': 'tools/call',
			'gen_ai.tool.name': 'system_ping',
			'jsonrpc.request.id': '3',
		});
		expect(call.status.code).toBe(SpanStatusCode.UNSET);
		const operation = named('command system.ping')!;
		expect(operation.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
	});

	it("continues the caller's trace from _meta.traceparent (SEP-414), as HTTP does from its header", async () => {
		await callOverStdio(pingExecutor(tracer), tracer, {
			name: 'system_ping',
			arguments: { at },
			_meta: { traceparent: CALLER_TRACEPARENT },
		});
		const call = named('tools/call system_ping')!;
		expect(call.kind).toBe(SpanKind.SERVER);
		expect(call.spanContext().traceId).toBe(CALLER_TRACE_ID);
		expect(call.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
		expect(named('command system.ping')!.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
		exporter.reset();
		// A malformed one is ignored, as a malformed header is: a new trace.
		await callOverStdio(pingExecutor(tracer), tracer, {
			name: 'system_ping',
			arguments: { at },
			_meta: { traceparent: 'not-a-traceparent' },
		});
		expect(named('tools/call system_ping')!.parentSpanContext).toBeUndefined();
	});

	it('without a tracer, _meta.traceparent still names the trace id of the call, as the header does on HTTP', async () => {
		const refused = await callOverStdio(pingExecutor(undefined), undefined, {
			name: 'system_ping',
			arguments: { at: 'yesterday' },
			_meta: { traceparent: CALLER_TRACEPARENT },
		});
		expect(refused.structuredContent).toMatchObject({ status: 422, traceId: CALLER_TRACE_ID });
		expect(spans()).toEqual([]);
	});

	it('a refusal (4xx) records its problem code without failing the span; a server fault (5xx) fails it with error.type tool_error', async () => {
		const refused = await callOverStdio(pingExecutor(tracer), tracer, {
			name: 'system_ping',
			arguments: { at: 'yesterday' },
		});
		expect(refused.isError).toBe(true);
		expect(named('tools/call system_ping')).toMatchObject({
			status: { code: SpanStatusCode.UNSET },
			attributes: { 'charter.problem.code': 'VALIDATION_FAILED', 'charter.problem.status': 422 },
		});
		expect(named('tools/call system_ping')!.attributes['error.type']).toBeUndefined();
		exporter.reset();

		const failed = await callOverStdio(pingExecutor(tracer, true), tracer, {
			name: 'system_ping',
			arguments: { at },
		});
		expect(failed).toMatchObject({ isError: true, structuredContent: { status: 500 } });
		const call = named('tools/call system_ping')!;
		expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: 'INTERNAL' });
		expect(call.attributes).toMatchObject({
			'error.type': 'tool_error',
			'charter.problem.code': 'INTERNAL',
			'charter.problem.status': 500,
		});
		// As the operation span says of the same call.
		expect(named('command system.ping')!.status.code).toBe(SpanStatusCode.ERROR);
	});

	it('a call that throws fails the span with the JSON-RPC error code it is answered with', async () => {
		const throwing: ExecutorPort = {
			execute: () => Promise.reject(new Error('executor lost')),
		};
		const stdin = new PassThrough();
		const stdout = new PassThrough();
		const server = await serveMcpStdio(throwing, registry, { stdin, stdout, tracer });
		const reply = new Promise<string>((resolve) => stdout.once('data', (c) => resolve(`${c}`)));
		stdin.write(
			`${JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'system_ping', arguments: { at } } })}\n`,
		);
		expect(JSON.parse(await reply)).toMatchObject({ id: 4, error: { code: -32603 } });
		await server.close();
		expect(named('tools/call system_ping')).toMatchObject({
			status: { code: SpanStatusCode.ERROR, message: 'executor lost' },
			attributes: { 'error.type': '-32603', 'rpc.response.status_code': '-32603' },
		});
	});

	it('detachUnsampledRoots: a call the sampler drops asks the SDK for one root, on which the operation stands', async () => {
		const { tracer: sdk, started } = countingDroppingTracer('@charter/mcp');
		const counting = detachUnsampledRoots(sdk);
		const result = await callOverStdio(pingExecutor(counting), counting, {
			name: 'system_ping',
			arguments: { at },
		});
		expect(result.isError).toBeFalsy();
		expect(started).toEqual(['tools/call system_ping']);
	});
});
