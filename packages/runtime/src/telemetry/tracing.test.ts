import {
	context,
	type Span,
	SpanKind,
	SpanStatusCode,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
	AlwaysOffSampler,
	BasicTracerProvider,
	InMemorySpanExporter,
	ParentBasedSampler,
	type ReadableSpan,
	SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	countingDroppingTracer,
	countingTracer,
} from '../../../../test-support/in-memory-tracing.ts';
import { as, createTodoApp } from '../../test/fixtures/todo-app.ts';
import { createEventBus } from '../bus/event-bus.ts';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import { callerTraceIdOf } from '../context/trace-id.ts';
import { createOutboxRelay } from '../relay/outbox-relay.ts';
import type { RelayOutbox } from '../stores/outbox-store.ts';
import { parseTraceparent } from './trace-context.ts';
import { detachUnsampledRoots } from './unsampled-roots.ts';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('@charter/runtime');
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
	context.setGlobalContextManager(contextManager.enable());
});
afterAll(() => {
	context.disable();
});
beforeEach(() => exporter.reset());

const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().find((s) => s.name === name);
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

describe('tracing with an OpenTelemetry tracer', () => {
	it('one command is a server span continuing the caller trace, with validate, authorize, commit and handler spans, and its event carries the trace to a subscriber span linked to it', async () => {
		const bus = createEventBus({ tracer });
		const received: EventEnvelope[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push(event);
		});
		const { executor } = createTodoApp({ tracer, bus });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: {
				transport: 'rest',
				headers: { ...as('alice').headers, traceparent: CALLER },
			},
		});
		expect(result.ok).toBe(true);
		expect(result.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');

		const operation = named('command todo.create')!;
		expect(operation.kind).toBe(SpanKind.SERVER);
		expect(operation.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		expect(parentOf(operation)).toBe('00f067aa0ba902b7');
		expect(operation.attributes).toMatchObject({
			'charter.operation': 'todo.create',
			'charter.operation.version': '1.0.0',
			'charter.surface': 'rest',
			'enduser.id': 'alice',
			'charter.outcome': 'ok',
		});
		const own = operation.spanContext().spanId;
		expect(parentOf(named('validate'))).toBe(own);
		expect(parentOf(named('authorize'))).toBe(own);
		expect(parentOf(named('commit'))).toBe(own);
		expect(parentOf(named('handler'))).toBe(named('commit')!.spanContext().spanId);

		// The event names the command's span; the subscriber's span is a new trace linked to it.
		expect(parseTraceparent(received[0]!.traceparent)).toMatchObject({
			traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
			spanId: own,
		});
		const consumer = named('process todo.created')!;
		expect(consumer.kind).toBe(SpanKind.CONSUMER);
		expect(consumer.spanContext().traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		expect(consumer.links.map((l) => l.context.spanId)).toEqual([own]);
	});

	it('without a traceparent the trace is new and the call reports its trace id', async () => {
		const { executor } = createTodoApp({ tracer });
		const result = await executor.execute({ operation: 'todo.list', input: {} });
		const operation = named('query todo.list')!;
		expect(parentOf(operation)).toBeUndefined();
		expect(result.traceId).toBe(operation.spanContext().traceId);
		expect(named('commit')).toBeUndefined();
	});

	it('a refusal records its problem code without marking the span failed; a server fault marks it failed', async () => {
		const { executor } = createTodoApp({ tracer });
		await executor.execute({ operation: 'todo.create', input: { title: 'a' } });
		const refused = named('command todo.create')!;
		expect(refused.attributes).toMatchObject({
			'charter.outcome': 'UNAUTHENTICATED',
			'charter.problem.status': 401,
		});
		expect(refused.status.code).not.toBe(SpanStatusCode.ERROR);
		expect(named('authorize')!.status.code).toBe(SpanStatusCode.ERROR);

		const { implement } = await import('../executor/implement.ts');
		const { ListTodos } = await import('../../test/fixtures/todo-contracts.ts');
		exporter.reset();
		const broken = createTodoApp({
			tracer,
			bindings: [
				implement(ListTodos, async () => {
					throw new Error('disk on fire');
				}),
			],
		});
		await broken.executor.execute({ operation: 'todo.list', input: {} });
		expect(named('query todo.list')!.status.code).toBe(SpanStatusCode.ERROR);
		expect(named('handler')!.status).toMatchObject({
			code: SpanStatusCode.ERROR,
			message: 'disk on fire',
		});
	});

	it('the handler runs with its span active, so its own instrumentation nests under it', async () => {
		const { implement } = await import('../executor/implement.ts');
		const { ListTodos } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({
			tracer,
			bindings: [
				implement(ListTodos, async () => {
					await Promise.resolve();
					tracer.startSpan('SELECT todos').end();
					return { items: [] };
				}),
			],
		});
		await executor.execute({ operation: 'todo.list', input: {} });
		expect(parentOf(named('SELECT todos'))).toBe(named('handler')!.spanContext().spanId);
	});

	it('the outbox relay publishes in a producer span that continues the command trace', async () => {
		const event = {
			specversion: '1.0',
			id: 'e1',
			source: 'charter:operation/todo.create@1.0.0',
			type: 'todo.created',
			time: '2026-01-01T00:00:00.000Z',
			datacontenttype: 'application/json',
			data: {},
			eventversion: '1.0.0',
			traceid: '4bf92f3577b34da6a3ce929d0e0e4736',
			traceparent: CALLER,
		} as const;
		// One pending event, delivered once.
		let pending = [{ seq: 1, stream: 'todo', envelope: event }];
		const outbox: RelayOutbox = {
			append: async () => {},
			pending: async () => [],
			markPublished: async () => {},
			async deliverBatch(_limit, publish) {
				const { delivered } = await publish(pending);
				pending = pending.slice(delivered);
				return delivered;
			},
		};
		const relay = createOutboxRelay({ outbox, publisher: createEventBus(), tracer });
		expect(await relay.drain()).toBe(1);
		const publish = named('publish todo.created')!;
		expect(publish.kind).toBe(SpanKind.PRODUCER);
		expect(publish.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		expect(parentOf(publish)).toBe('00f067aa0ba902b7');
	});

	it('with sampling off nothing is recorded, yet the handler and the event carry the unsampled trace', async () => {
		const unsampled = new BasicTracerProvider({
			sampler: new AlwaysOffSampler(),
			spanProcessors: [new SimpleSpanProcessor(exporter)],
		}).getTracer('@charter/runtime');
		const bus = createEventBus();
		const received: EventEnvelope[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push(event);
		});
		let inHandler: string | undefined;
		const { implement } = await import('../executor/implement.ts');
		const { CreateTodo } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({ tracer: unsampled, bus });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: { transport: 'rest', headers: as('alice').headers },
		});
		expect(result.ok).toBe(true);
		expect(spans()).toEqual([]);
		const carried = parseTraceparent(received[0]!.traceparent);
		expect(carried?.traceId).toBe(result.traceId);
		expect(carried?.traceFlags).toBe(0);
		// The handler still runs inside the (non-recording) operation context.
		const traced = createTodoApp({
			tracer: unsampled,
			bindings: [
				implement(CreateTodo, async (input) => {
					inHandler = trace.getActiveSpan()?.spanContext().traceId;
					return { id: 't1', title: input.title, done: false };
				}),
			],
		});
		const again = await traced.executor.execute({
			operation: 'todo.create',
			input: { title: 'b' },
			metadata: as('alice'),
		});
		expect(inHandler).toBe(again.traceId);
	});

	it("under a dropped parent span (the request's unsampled HTTP span) no span is asked of the SDK: the handler runs in that context and the event carries its trace", async () => {
		const { tracer: counting, started } = countingDroppingTracer('@charter/runtime', exporter);
		const bus = createEventBus();
		const received: EventEnvelope[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push(event);
		});
		let inHandler: Span | undefined;
		const { implement } = await import('../executor/implement.ts');
		const { CreateTodo } = await import('../../test/fixtures/todo-contracts.ts');
		const { executor } = createTodoApp({
			tracer: counting,
			bus,
			bindings: [
				implement(CreateTodo, async (input, ctx) => {
					await Promise.resolve();
					inHandler = trace.getActiveSpan();
					ctx.emit('todo.created', { id: 't1', title: input.title, done: false });
					return { id: 't1', title: input.title, done: false };
				}),
			],
		});
		const http = counting.startSpan('POST');
		const result = await context.with(trace.setSpan(context.active(), http), () =>
			executor.execute({ operation: 'todo.create', input: { title: 'a' }, metadata: as('alice') }),
		);
		http.end();
		expect(result.ok).toBe(true);
		// The operation and its steps asked for nothing; the relay's publish is a span of its own.
		expect(started).toEqual(['POST', 'publish todo.created']);
		expect(spans()).toEqual([]);
		expect(result.traceId).toBe(http.spanContext().traceId);
		expect(inHandler?.spanContext()).toEqual(http.spanContext());
		expect(parseTraceparent(received[0]!.traceparent)).toMatchObject({
			traceId: http.spanContext().traceId,
			spanId: http.spanContext().spanId,
			traceFlags: 0,
		});
		// A sampled parent still gets the operation span and its steps under it.
		const sampledHttp = tracer.startSpan('POST');
		await context.with(trace.setSpan(context.active(), sampledHttp), () =>
			executor.execute({ operation: 'todo.create', input: { title: 'b' }, metadata: as('alice') }),
		);
		expect(parentOf(named('command todo.create'))).toBe(sampledHttp.spanContext().spanId);
	});

	it("detachUnsampledRoots: a dropped root runs outside any trace context, a caller's trace (even unsampled) and a sampled call still enter theirs", async () => {
		const sdk = new BasicTracerProvider({
			sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
			spanProcessors: [new SimpleSpanProcessor(exporter)],
		}).getTracer('@charter/runtime');
		const seen: (string | undefined)[] = [];
		const { implement } = await import('../executor/implement.ts');
		const { ListTodos } = await import('../../test/fixtures/todo-contracts.ts');
		const bindings = [
			implement(ListTodos, async () => {
				await Promise.resolve();
				seen.push(trace.getActiveSpan()?.spanContext().traceId);
				return { items: [] };
			}),
		];
		const detached = createTodoApp({ tracer: detachUnsampledRoots(sdk), bindings }).executor;
		const root = await detached.execute({ operation: 'todo.list', input: {} });
		const UNSAMPLED_CALLER = CALLER.replace(/-01$/, '-00');
		await detached.execute({
			operation: 'todo.list',
			input: {},
			metadata: { headers: { traceparent: UNSAMPLED_CALLER } },
		});
		await detached.execute({
			operation: 'todo.list',
			input: {},
			metadata: { headers: { traceparent: CALLER } },
		});
		// The root has a trace id of its own (answered, logged) that the handler does not see.
		expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
		expect(seen).toEqual([
			undefined,
			'4bf92f3577b34da6a3ce929d0e0e4736',
			'4bf92f3577b34da6a3ce929d0e0e4736',
		]);
		expect(spans().map((s) => s.name)).toContain('query todo.list');
		// Without it (the default) the dropped root's context is entered.
		seen.length = 0;
		await createTodoApp({ tracer: sdk, bindings }).executor.execute({
			operation: 'todo.list',
			input: {},
		});
		expect(seen[0]).toMatch(/^[0-9a-f]{32}$/);
	});

	it('detachUnsampledRoots: an MCP request the sampler drops at the root runs outside any trace context too', async () => {
		const sdk = new BasicTracerProvider({
			sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
			spanProcessors: [new SimpleSpanProcessor(exporter)],
		}).getTracer('@charter/runtime');
		const { traceMcpRequest } = await import('./mcp-spans.ts');
		const activeIn = (tracer: Tracer) =>
			traceMcpRequest(tracer, { method: 'tools/call', tool: 'todo_list', id: 1 }, async () => {
				await Promise.resolve();
				return { problem: undefined, active: trace.getActiveSpan() };
			});
		expect((await activeIn(detachUnsampledRoots(sdk))).active).toBeUndefined();
		// Without it the dropped root's context is entered.
		expect((await activeIn(sdk)).active).toBeDefined();
	});

	it('a tracer whose span context is malformed gives no trace id or traceparent of it: the call falls back to its own', async () => {
		const malformed: Tracer = {
			startSpan: () =>
				trace.wrapSpanContext({ traceId: '', spanId: '0000000000000000', traceFlags: 1 }),
			startActiveSpan: tracer.startActiveSpan.bind(tracer) as Tracer['startActiveSpan'],
		};
		const bus = createEventBus();
		const received: EventEnvelope[] = [];
		bus.subscribe('todo.created', (event) => {
			received.push(event);
		});
		const { executor } = createTodoApp({ tracer: malformed, bus });
		const result = await executor.execute({
			operation: 'todo.create',
			input: { title: 'a' },
			metadata: { transport: 'rest', headers: as('alice').headers },
		});
		expect(result.traceId).toMatch(/^[0-9a-f]{32}$/);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(received).toHaveLength(1);
		expect(received[0]!.traceparent).toBeUndefined();
	});

	it("detachUnsampledRoots with samplesNoRoot: a root is not asked of the SDK, a caller's trace is, and an MCP span of a caller's trace links no request span that has no valid context", async () => {
		const { tracer: counting, started } = countingTracer(tracer);
		const skipping = detachUnsampledRoots(counting, { samplesNoRoot: true });
		expect(skipping.startSpan('root').spanContext().traceId).toBe('0'.repeat(32));
		expect(skipping.startActiveSpan('root too', (span) => span.isRecording())).toBe(false);
		expect(started).toEqual([]);
		const { traceMcpRequest } = await import('./mcp-spans.ts');
		const dropped = skipping.startSpan('the request');
		await traceMcpRequest(
			skipping,
			{ method: 'tools/call', tool: 'todo_list', traceparent: CALLER, detachedSpan: dropped },
			async () => ({ problem: undefined }),
		);
		expect(started).toEqual(['tools/call todo_list']);
		const span = named('tools/call todo_list');
		expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
		expect(span?.links).toEqual([]);
	});

	it('is off by default: an executor without a tracer records nothing, even with a global provider', async () => {
		trace.setGlobalTracerProvider(provider);
		try {
			const { executor } = createTodoApp();
			const result = await executor.execute({
				operation: 'todo.list',
				input: {},
				metadata: { headers: { traceparent: CALLER } },
			});
			expect(result.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
			expect(spans()).toEqual([]);
		} finally {
			trace.disable();
		}
	});
});

describe('traceparent', () => {
	it('accepts a W3C traceparent and refuses malformed, version ff and all-zero ids', () => {
		expect(parseTraceparent(CALLER)).toEqual({
			traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
			spanId: '00f067aa0ba902b7',
			traceFlags: 1,
			isRemote: true,
		});
		for (const bad of [
			undefined,
			'garbage',
			'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
			'00-00000000000000000000000000000000-00f067aa0ba902b7-01',
			'00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
			'00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
		]) {
			expect(parseTraceparent(bad)).toBeUndefined();
			// The caller's trace id for correlation follows the same rule.
			expect(callerTraceIdOf({ headers: { traceparent: bad } })).toBeUndefined();
		}
	});
});
