import { context, SpanKind } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
	BasicTracerProvider,
	InMemorySpanExporter,
	SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type TestServer } from '../../../test-support/node-server.ts';
import { createGraphqlHandler } from '../src/index.ts';
import { fixtureRegistry, TOKENS } from './fixtures/fixture-contracts.ts';
import { createFixtureExecutor, fixtureContext } from './fixtures/fixture-executor.ts';

const exporter = new InMemorySpanExporter();
const tracer = new BasicTracerProvider({
	spanProcessors: [new SimpleSpanProcessor(exporter)],
}).getTracer('@charter/graphql');
const executor = createFixtureExecutor({ tracer });
const handler = createGraphqlHandler(fixtureRegistry(), {
	executor,
	events: executor.bus,
	context: fixtureContext,
	tracer,
});
let server: TestServer;

beforeAll(async () => {
	context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
	server = await serveNode((request, response) => void handler.node(request, response));
});
afterAll(async () => {
	await server.close();
	context.disable();
});

describe('a traced GraphQL subscription', () => {
	it('is one span for the life of the stream, with a deliver event per event and a link to the command that emitted it', async () => {
		const sse = createClient({
			url: `${server.origin}/graphql`,
			singleConnection: false,
			headers: { authorization: `Bearer ${TOKENS.user}` },
			retryAttempts: 0,
		});
		const received: string[] = [];
		let stop: () => void = () => {};
		await new Promise<void>((connected, reject) => {
			stop = sse.subscribe<{ notesNoteCreated: { title: string } }>(
				{ query: 'subscription { notesNoteCreated { title } }' },
				{
					next: (value) => void received.push(value.data!.notesNoteCreated.title),
					error: reject,
					complete: () => {},
				},
				{ connected: () => connected() },
			);
		});
		const created = await fetch(`${server.origin}/graphql`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKENS.user}`, 'content-type': 'application/json' },
			body: JSON.stringify({ query: 'mutation { notesNoteCreate(input: { title: "T" }) { id } }' }),
		});
		expect(created.status).toBe(200);
		for (let i = 0; i < 100 && received.length === 0; i++)
			await new Promise((resolve) => setTimeout(resolve, 10));
		expect(received).toEqual(['T']);
		stop();
		sse.dispose();
		let subscription = exporter.getFinishedSpans().find((s) => s.name.startsWith('subscribe'));
		for (let i = 0; i < 100 && !subscription; i++) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			subscription = exporter.getFinishedSpans().find((s) => s.name.startsWith('subscribe'));
		}
		const command = exporter.getFinishedSpans().find((s) => s.name === 'command notes.note.create');
		expect(subscription).toMatchObject({
			name: 'subscribe notes.note.created',
			kind: SpanKind.SERVER,
			attributes: {
				'charter.event': 'notes.note.created',
				'charter.surface': 'graphql',
				'charter.subscription.delivered': 1,
			},
		});
		expect(subscription!.events.map((e) => e.name)).toEqual(['deliver']);
		expect(subscription!.links.map((l) => l.context.spanId)).toEqual([
			command!.spanContext().spanId,
		]);
	});
});
