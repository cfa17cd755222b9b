import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../../../test-support/otlp-receiver.ts';
import { FIXTURE, killAllNodes, startServeNode } from './multi-node/serve-node.ts';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../bin/charter.js');

afterAll(() => killAllNodes());

/** The environment that points `@opentelemetry/sdk-node` at a receiver, exporting soon. */
const otelEnv = (receiver: OtlpReceiver) => ({
	OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin,
	OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
	OTEL_SERVICE_NAME: 'charter-e2e',
	OTEL_BSP_SCHEDULE_DELAY: '100',
	OTEL_METRIC_EXPORT_INTERVAL: '200',
});

describe('charter serve --tracing', () => {
	test('starts @opentelemetry/sdk-node, which exports the spans and the metrics of a call over OTLP', async () => {
		const receiver = await startOtlpReceiver();
		try {
			const node = await startServeNode(
				'otel',
				['--db', 'sqlite::memory:', '--tracing'],
				30_000,
				otelEnv(receiver),
			);
			expect(node.output()).toContain('Tracing: OpenTelemetry spans per call');
			expect(node.output()).toContain('OpenTelemetry metrics: charter.calls');
			const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
			const response = await fetch(`${node.base}/v1/account/deposit`, {
				method: 'POST',
				headers: {
					authorization: 'Bearer dev-token',
					'content-type': 'application/json',
					traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
				},
				body: JSON.stringify({ depositId: 'd-1', accountId: 'acc-1', amount: 5 }),
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('x-trace-id')).toBe(traceId);
			// SIGTERM shuts the SDK down, which flushes what it still holds.
			expect(await node.stop(), node.output()).toBe(0);

			const command = receiver.spans.find((s) => s.name === 'command account.deposit');
			expect(command, JSON.stringify(receiver.spans.map((s) => s.name))).toBeDefined();
			// The request is a SERVER span continuing the caller's trace; the command its child.
			const request = receiver.spans.find((s) => s.name === 'POST /v1/account/deposit');
			expect(request).toMatchObject({
				traceId,
				kind: 2,
				parentSpanId: '00f067aa0ba902b7',
				attributes: {
					'http.request.method': 'POST',
					'http.route': '/v1/account/deposit',
					'http.response.status_code': 200,
				},
			});
			expect(command).toMatchObject({
				traceId,
				parentSpanId: request!.spanId,
				attributes: {
					'charter.operation': 'account.deposit',
					'charter.surface': 'rest',
					'charter.outcome': 'ok',
					'enduser.id': 'dev',
				},
				resource: { 'service.name': 'charter-e2e' },
			});
			const childrenOf = (spanId: string) =>
				receiver.spans.filter((s) => s.parentSpanId === spanId);
			expect(childrenOf(command!.spanId).map((s) => s.name)).toEqual(
				expect.arrayContaining(['validate', 'authorize', 'commit', 'publish account.deposited']),
			);
			const commit = childrenOf(command!.spanId).find((s) => s.name === 'commit')!;
			expect(childrenOf(commit.spanId).map((s) => s.name)).toContain('handler');
			const calls = receiver.points.filter(
				(p) =>
					p.metric === 'charter.calls' && p.attributes['charter.operation'] === 'account.deposit',
			);
			expect(calls.at(-1)).toMatchObject({
				attributes: { 'charter.surface': 'rest', 'charter.outcome': 'ok' },
				value: 1,
			});
			expect(receiver.points.some((p) => p.metric === 'charter.call.duration')).toBe(true);
		} finally {
			await receiver.close();
		}
	}, 60_000);
});

describe('charter mcp --tracing', () => {
	test('makes each stdio tool call a SERVER span continuing _meta.traceparent, the operation under it, flushed at exit; stdout carries protocol messages only', async () => {
		const receiver = await startOtlpReceiver();
		try {
			const child = spawn(process.execPath, [BIN, 'mcp', '--db', 'sqlite::memory:', '--tracing'], {
				cwd: FIXTURE,
				// OTEL_LOG_LEVEL=debug: the SDK's diagnostics, which print through the console.
				env: {
					...process.env,
					...otelEnv(receiver),
					OTEL_LOG_LEVEL: 'debug',
					CHARTER_TOKEN: 'dev-token',
				},
				stdio: ['pipe', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			const replied = new Promise<void>((resolve, reject) => {
				child.stdout.on('data', (chunk: Buffer) => {
					stdout += chunk.toString();
					if (stdout.includes('"id":1')) resolve();
				});
				child.once('exit', (code) => reject(new Error(`exited (${code}) unanswered:\n${stderr}`)));
			});
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
			child.stdin.write(
				`${JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'tools/call',
					params: {
						name: 'account_deposit',
						arguments: { depositId: 'd-1', accountId: 'acc-1', amount: 5 },
						_meta: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
					},
				})}\n`,
			);
			await replied;
			// The end of stdin stops the server, which shuts the SDK down: it flushes its spans.
			child.stdin.end();
			expect(await exited, stderr).toBe(0);
			expect(stderr).toContain('Tracing: OpenTelemetry spans per call');
			const lines = stdout.split('\n').filter((line) => line !== '');
			// The answer alone: the SDK's diagnostics went to stderr.
			expect(lines).toHaveLength(1);
			expect(JSON.parse(lines[0]!)).toMatchObject({ jsonrpc: '2.0', id: 1, result: {} });
			expect(JSON.parse(lines[0]!).result.isError).toBeUndefined();

			const call = receiver.spans.find((s) => s.name === 'tools/call account_deposit');
			expect(call, JSON.stringify(receiver.spans.map((s) => s.name))).toMatchObject({
				traceId,
				kind: 2,
				parentSpanId: '00f067aa0ba902b7',
				attributes: { 'mcp.method.name': 'tools/call', 'gen_ai.tool.name': 'account_deposit' },
			});
			expect(receiver.spans.find((s) => s.name === 'command account.deposit')).toMatchObject({
				traceId,
				parentSpanId: call!.spanId,
				attributes: { 'charter.surface': 'mcp', 'charter.outcome': 'ok', 'enduser.id': 'dev' },
			});
		} finally {
			await receiver.close();
		}
	}, 60_000);
});
