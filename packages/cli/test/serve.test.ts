import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// `charter init` gives a project with handlers; `charter test` and `charter serve` run it as a user would.
const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../bin/charter.js');
const TMP = join(here, '.tmp', randomUUID());
const PROJECT = join(TMP, 'hello');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function charter(
	cwd: string,
	...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd, env }, (error, stdout, stderr) => {
			resolve({
				code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
				stdout,
				stderr,
			});
		});
	});
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return check();
}

beforeAll(async () => {
	mkdirSync(TMP, { recursive: true });
	expect((await charter(TMP, 'init', 'hello')).code).toBe(0);
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('charter test', () => {
	test('runs every acceptance example of a new project against its handlers', async () => {
		const run = await charter(PROJECT, 'test', '--json');
		expect(run.code).toBe(0);
		const report = JSON.parse(run.stdout) as { passed: number; failed: number };
		expect(report).toMatchObject({ passed: 2, failed: 0 });
	});

	test('an example whose output does not match fails with the path of the difference (exit 1)', async () => {
		const file = join(PROJECT, 'src/hello/hello.operations.ts');
		const original = readFileSync(file, 'utf8');
		writeFileSync(
			file,
			original.replace(
				"output: { name: 'Ada', message: 'Hello, Ada!' }",
				"output: { name: 'Ada', message: 'Bonjour' }",
			),
		);
		try {
			const run = await charter(PROJECT, 'test');
			expect(run.code).toBe(1);
			expect(run.stdout).toContain('✗ hello.greeting.get@1.0.0 › greet-ada');
			expect(run.stdout).toContain('/message: expected "Bonjour", got "Hello, Ada!"');
			expect(run.stdout).toContain('1 passed, 1 failed');
		} finally {
			writeFileSync(file, original);
		}
	});
});

describe('charter serve', () => {
	test('serves REST, OpenAPI, GraphQL, MCP, docs and health on SQLite, then stops on SIGTERM', async () => {
		const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: PROJECT, env });
		let stdout = '';
		let stderr = '';
		server.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		server.stderr.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			stderr += chunk.toString();
		});
		const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
		try {
			const base = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no banner:\n${stdout}`)), 20_000);
				const poll = setInterval(() => {
					const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(stdout);
					if (match) {
						clearInterval(poll);
						clearTimeout(timer);
						resolve(match[1]!);
					}
				}, 50);
			});
			expect(stdout).toContain('(sqlite');
			const follower = spawn(process.execPath, [BIN, 'audit', 'tail', '--follow', '--json'], {
				cwd: PROJECT,
				env,
			});
			let followed = '';
			follower.stdout.on('data', (chunk: Buffer) => {
				followed += chunk.toString();
			});
			const followerExited = new Promise<number | null>((resolve) => follower.on('exit', resolve));
			expect(stdout).toMatch(/dev-token\s+a signed-in developer/);
			expect(stdout).toMatch(/Token source:.*DEMO TOKENS/);

			const set = await fetch(`${base}/v1/hello/greeting/set`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer dev-token' },
				body: JSON.stringify({ name: 'Bob', message: 'Hi Bob' }),
			});
			expect(set.status).toBe(200);
			// The access log: a JSON line on stderr (not a TTY), Authorization never in it.
			const logged = () =>
				stderr
					.split('\n')
					.filter((line) => line.startsWith('{'))
					.map((line) => JSON.parse(line) as Record<string, unknown>)
					.find((line) => line.path === '/v1/hello/greeting/set');
			expect(await until(() => logged() !== undefined)).toBe(true);
			expect(logged()).toMatchObject({
				level: 'info',
				msg: 'request',
				method: 'POST',
				status: 200,
				principalId: 'dev',
				traceId: set.headers.get('x-trace-id'),
				durationMs: expect.any(Number),
			});
			expect(stderr).not.toContain('dev-token');
			const audited = await until(() => followed.includes('"operation":"hello.greeting.set"'));
			expect(audited, `audit tail --follow printed:\n${followed}`).toBe(true);
			follower.kill('SIGINT');
			expect(await followerExited).toBe(0);
			const record = followed
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line) as Record<string, unknown>)
				.find((r) => r.operation === 'hello.greeting.set');
			expect(record).toMatchObject({
				resultCode: 'OK',
				status: 200,
				principalId: 'dev',
				replayed: false,
			});
			expect(record).not.toHaveProperty('input');
			const anonymous = await fetch(`${base}/v1/hello/greeting/set`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'Bob', message: 'Hi Bob' }),
			});
			expect(anonymous.status).toBe(401);
			expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

			const get = await fetch(`${base}/v1/hello/greeting/get?name=Bob`);
			expect(await get.json()).toEqual({ name: 'Bob', message: 'Hi Bob' });

			const graphql = await fetch(`${base}/graphql`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: '{ helloGreetingGet(input: { name: "Bob" }) { message } }' }),
			});
			expect(await graphql.json()).toEqual({ data: { helloGreetingGet: { message: 'Hi Bob' } } });

			const mcp = await fetch(`${base}/mcp`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			});
			expect(await mcp.text()).toContain('hello_greeting_set');

			const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as {
				paths: Record<string, unknown>;
			};
			expect(Object.keys(openapi.paths)).toEqual(
				expect.arrayContaining(['/v1/hello/greeting/get', '/v1/hello/greeting/set']),
			);
			expect((await fetch(`${base}/docs/`)).status).toBe(200);
			expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
			const ready = await fetch(`${base}/readyz`);
			expect(ready.status).toBe(200);
			expect(await ready.json()).toEqual({
				status: 'ready',
				phase: 'ready',
				checks: { store: { ok: true }, migrations: { ok: true } },
			});
		} finally {
			server.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
		expect(stdout).toContain('stopped');
	});

	test('a busy port is a usage error with a hint (exit 2), not a bug; --print-config shows where each setting came from', async () => {
		const first = await serve('--db', 'sqlite::memory:');
		try {
			const port = new URL(first.base).port;
			const second = await charter(PROJECT, 'serve', '--db', 'sqlite::memory:', '--port', port);
			expect(second.code).toBe(2);
			expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
			expect(second.stderr).toContain('--port');
			expect(second.stderr).not.toMatch(/bug|at .*\.ts:\d+/);
		} finally {
			expect(await first.stop()).toBe(0);
		}
		const printed = await charter(
			PROJECT,
			'serve',
			'--print-config',
			'--port',
			'4100',
			'--cors',
			'*',
			'--jwt-issuer',
			'https://idp.example',
			'--jwt-audience',
			'api',
			'--keep-alive-timeout',
			'3000',
		);
		expect(printed.code).toBe(0);
		expect(printed.stdout).toMatch(/jwtIssuer\s+https:\/\/idp\.example\s+--jwt-issuer/);
		expect(printed.stdout).toMatch(/keepAliveTimeoutMs\s+3000\s+--keep-alive-timeout/);
		expect(printed.stdout).toMatch(/allowedHosts\s+localhost,127\.0\.0\.1,\[::1\]\s+default/);
		expect(printed.stdout).toMatch(/port\s+4100\s+--port/);
		expect(printed.stdout).toMatch(/corsOrigins\s+\*\s+--cors/);
		expect(printed.stdout).toMatch(/drainTimeoutMs\s+10000\s+default/);
	});

	test('refuses an idempotency retention that is not a duration or does not outlive the lease', async () => {
		const words = await charter(PROJECT, 'serve', '--idempotency-retention', 'a-day');
		expect(words.code).toBe(2);
		expect(words.stderr).toContain(
			'--idempotency-retention a-day: expected a positive whole number of milliseconds',
		);
		const short = await charter(
			PROJECT,
			'serve',
			'--db',
			'sqlite::memory:',
			'--idempotency-lease',
			'60000',
			'--idempotency-retention',
			'1000',
		);
		expect(short.code).toBe(2);
		expect(short.stderr).toContain('idempotencyRetentionMs: must exceed idempotencyLeaseMs');
	});

	test('a broken guide is a usage error before the server listens (the site itself is built after)', async () => {
		const config = join(PROJECT, 'charter.config.ts');
		const original = readFileSync(config, 'utf8');
		const guides = join(PROJECT, 'guides');
		mkdirSync(guides, { recursive: true });
		writeFileSync(
			join(guides, 'guides.json'),
			JSON.stringify({ sections: [{ title: 'Start', pages: ['start.md'] }] }),
		);
		writeFileSync(
			join(guides, 'start.md'),
			'# Start\n\n<!-- charter:include no-such-include -->\n',
		);
		writeFileSync(
			config,
			original.replace('defineConfig({', "defineConfig({\n\tguides: 'guides',"),
		);
		try {
			const run = await charter(PROJECT, 'serve', '--db', 'sqlite::memory:', '--port', '0');
			expect(run.code).toBe(2);
			expect(run.stderr).toContain('start.md: unknown include "no-such-include"');
			expect(run.stdout).not.toContain('/openapi.json');
		} finally {
			writeFileSync(config, original);
			rmSync(guides, { recursive: true, force: true });
		}
	});
});

/** Starts `charter serve` in the project with `args`; resolves once its banner names the URL. */
async function serve(...args: string[]) {
	const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
		cwd: PROJECT,
		env,
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
	const banner = () => /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(output);
	if (!(await until(() => banner() !== null || server.exitCode !== null, 20_000)) || !banner())
		throw new Error(`no banner:\n${output}`);
	return {
		base: banner()![1]!,
		output: () => output,
		stop() {
			server.kill('SIGTERM');
			return exited;
		},
	};
}

/** The status of a GET with the given headers (fetch cannot set Host). */
function statusOf(port: number, path: string, headers: Record<string, string>) {
	return new Promise<number>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('charter serve under npm', () => {
	test('SIGTERM to `npm run serve` stops the server too (npm signals its shell, which does not pass it on)', async () => {
		const root = join(here, '../../..');
		const npm = spawn(
			'npm',
			[
				'run',
				'serve',
				'-w',
				'examples/workflow-system',
				'--',
				'--port',
				'0',
				'--db',
				'sqlite::memory:',
			],
			{ cwd: root, env },
		);
		let output = '';
		npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const banner = () => /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(output);
		expect(await until(() => banner() !== null, 30_000), output).toBe(true);
		const base = banner()![1]!;
		expect((await fetch(`${base}/healthz`)).status).toBe(200);
		npm.kill('SIGTERM');
		const gone = async () => {
			try {
				await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
				return false;
			} catch {
				return true;
			}
		};
		let stopped = false;
		const deadline = Date.now() + 15_000;
		while (!stopped && Date.now() < deadline) {
			stopped = await gone();
			if (!stopped) await new Promise((resolve) => setTimeout(resolve, 250));
		}
		expect(stopped, `the server still answers after npm got SIGTERM:\n${output}`).toBe(true);
	});
});

describe('charter serve rate limits and Host checks', () => {
	test('rate limits are on by default, a rebound Host is refused, and past --rate-limit every surface answers 429 or its equivalent with Retry-After', async () => {
		const defaults = await serve('--db', 'sqlite::memory:');
		expect(defaults.output()).toContain(
			'Rate limits: 1200 calls per 60 s per address, 600 calls per 60 s per principal (in memory)',
		);
		// A rebound name (the attacker's Host) with a valid token is refused on every surface.
		const port = Number(new URL(defaults.base).port);
		for (const path of ['/v1/hello/greeting/get?name=Ada', '/graphql', '/mcp', '/docs/'])
			expect(
				await statusOf(port, path, {
					host: `rebind.evil.example:${port}`,
					authorization: 'Bearer dev-token',
				}),
			).toBe(403);
		expect(
			await statusOf(port, '/v1/hello/greeting/get?name=Ada', {
				host: `localhost:${port}`,
				origin: 'https://evil.example',
			}),
		).toBe(403);
		expect(await statusOf(port, '/healthz', { host: `localhost:${port}` })).toBe(200);
		expect(await defaults.stop()).toBe(0);

		const server = await serve('--db', 'sqlite::memory:', '--rate-limit', '3');
		try {
			const { base } = server;
			const json = { 'content-type': 'application/json', authorization: 'Bearer dev-token' };
			const rest = () => fetch(`${base}/v1/hello/greeting/get?name=Ada`, { headers: json });
			const graphql = () =>
				fetch(`${base}/graphql`, {
					method: 'POST',
					headers: json,
					body: JSON.stringify({
						query: '{ helloGreetingGet(input: { name: "Ada" }) { message } }',
					}),
				});
			const mcp = () =>
				fetch(`${base}/mcp`, {
					method: 'POST',
					headers: { ...json, accept: 'application/json, text/event-stream' },
					body: JSON.stringify({
						jsonrpc: '2.0',
						id: 1,
						method: 'tools/call',
						params: { name: 'hello_greeting_get', arguments: { name: 'Ada' } },
					}),
				});
			// One address, three calls a minute, on every surface together.
			expect((await rest()).status).toBe(200);
			expect((await graphql()).status).toBe(200);
			expect(JSON.stringify(await (await mcp()).json())).not.toContain('isError');

			const refusedRest = await rest();
			expect(refusedRest.status).toBe(429);
			expect(Number(refusedRest.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await refusedRest.json()).toMatchObject({ code: 'RATE_LIMITED' });

			const refusedGraphql = await graphql();
			expect(Number(refusedGraphql.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await refusedGraphql.json()).toMatchObject({
				errors: [{ extensions: { code: 'RATE_LIMITED', status: 429 } }],
			});

			const refusedMcp = await mcp();
			expect(Number(refusedMcp.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await refusedMcp.json()).toMatchObject({
				result: { isError: true, structuredContent: { code: 'RATE_LIMITED', status: 429 } },
			});
		} finally {
			await server.stop();
		}
	});

	test('refuses a --rate-limit, a store or timeouts it does not understand (exit 2)', async () => {
		const words = await charter(PROJECT, 'serve', '--rate-limit', 'lots');
		expect(words.code).toBe(2);
		expect(words.stderr).toContain('--rate-limit lots: use off, or ADDRESS[,PRINCIPAL]');
		const store = await charter(PROJECT, 'serve', '--rate-limit-store', 'memcached://x');
		expect(store.code).toBe(2);
		const slow = await charter(PROJECT, 'serve', '--headers-timeout', '60000');
		expect(slow.code).toBe(2);
		expect(slow.stderr).toContain(
			'--headers-timeout 60000 must not exceed the request timeout (30000 ms)',
		);
		expect(store.stderr).toContain(
			'--rate-limit-store memcached://x: use memory or a redis:// URL',
		);
	});
});

describe('charter audit tail', () => {
	test('prints the newest records of the project database, and refuses a bad -n', async () => {
		const run = await charter(PROJECT, 'audit', 'tail', '-n', '5', '--json');
		expect(run.code).toBe(0);
		const records = run.stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as { operation: string });
		expect(records.some((r) => r.operation === 'hello.greeting.set')).toBe(true);
		const human = await charter(PROJECT, 'audit', 'tail');
		expect(human.stdout).toMatch(/200 OK\s+hello\.greeting\.set@1\.0\.0 dev/);
		expect((await charter(PROJECT, 'audit', 'tail', '-n', 'zero')).code).toBe(2);
	});
});

describe('charter mcp', () => {
	test('serves the operations as tools over stdio, as the principal of CHARTER_TOKEN', async () => {
		const transport = new StdioClientTransport({
			command: process.execPath,
			args: [BIN, 'mcp', '--db', 'sqlite::memory:'],
			cwd: PROJECT,
			env: { ...(env as Record<string, string>), CHARTER_TOKEN: 'dev-token' },
			stderr: 'pipe',
		});
		const client = new Client({ name: 'cli-test', version: '1.0.0' });
		await client.connect(transport);
		try {
			const { tools } = await client.listTools();
			expect(tools.map((t) => t.name).sort()).toEqual(['hello_greeting_get', 'hello_greeting_set']);
			const set = await client.callTool({
				name: 'hello_greeting_set',
				arguments: { name: 'Eve', message: 'Hey Eve' },
			});
			expect(set.isError).toBeFalsy();
			expect(set.structuredContent).toEqual({ name: 'Eve', message: 'Hey Eve' });
			const invalid = await client.callTool({
				name: 'hello_greeting_set',
				arguments: { name: '' },
			});
			expect(invalid.isError).toBe(true);
			expect(invalid.structuredContent).toMatchObject({ status: 422 });
		} finally {
			await client.close();
		}
	});

	test('answers a line over the body limit, a batch and a non-JSON line with JSON-RPC errors, and keeps serving', async () => {
		const child = spawn(process.execPath, [BIN, 'mcp', '--db', 'sqlite::memory:'], {
			cwd: PROJECT,
			env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		const replies: Record<string, unknown>[] = [];
		let waiting: (() => void) | undefined;
		let rest = '';
		child.stdout.on('data', (chunk: Buffer) => {
			const lines = (rest + chunk.toString()).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) replies.push(JSON.parse(line));
			waiting?.();
		});
		const next = async () => {
			while (replies.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
			return replies.shift() as {
				id: unknown;
				result?: unknown;
				error?: { code: number; message: string };
			};
		};
		const send = (line: string) => child.stdin.write(`${line}\n`);
		try {
			send(
				JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'initialize',
					params: {
						protocolVersion: '2025-06-18',
						capabilities: {},
						clientInfo: { name: 'cli-test', version: '1.0.0' },
					},
				}),
			);
			expect(await next()).toMatchObject({ id: 1, result: { serverInfo: {} } });
			// Past the SDK's own 10 MiB buffer, which closed the transport and ended the process.
			const long = `{"jsonrpc":"2.0","id":2,"method":"ping","params":{"pad":"${'x'.repeat(11 * 1024 * 1024)}"}}`;
			send(long);
			expect(await next()).toEqual({
				jsonrpc: '2.0',
				id: null,
				error: { code: -32600, message: 'Invalid Request: the message exceeds 1048576 bytes' },
			});
			send('[{"jsonrpc":"2.0","id":3,"method":"ping"},{"jsonrpc":"2.0","id":4,"method":"ping"}]');
			expect(await next()).toMatchObject({
				id: null,
				error: { code: -32600, message: expect.stringMatching(/not a batch/) },
			});
			send('not json');
			expect(await next()).toMatchObject({ id: null, error: { code: -32700 } });
			send('{"jsonrpc":"2.0","id":5,"method":"ping"}');
			expect(await next()).toEqual({ jsonrpc: '2.0', id: 5, result: {} });
			expect(child.exitCode).toBeNull();
		} finally {
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			child.stdin.end();
			expect(await exited).toBe(0);
		}
	});
});

describe('charter diff --impact', () => {
	test('counts the calls each breaking change would have broken, from the audit log charter serve wrote', async () => {
		const db = `sqlite:.charter/impact-${randomUUID()}.db`;
		expect((await charter(PROJECT, 'snapshot')).code).toBe(0);
		const server = await serve('--db', db);
		try {
			const set = (authorization?: string) =>
				fetch(`${server.base}/v1/hello/greeting/set`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(authorization ? { authorization } : {}),
					},
					body: JSON.stringify({ name: 'Ada', message: 'Hi' }),
				});
			expect((await set('Bearer dev-token')).status).toBe(200);
			expect((await set('Bearer dev-token')).status).toBe(200);
			expect((await set()).status).toBe(401);
			expect((await fetch(`${server.base}/v1/hello/greeting/get?name=Ada`)).status).toBe(200);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		const file = join(PROJECT, 'src/hello/hello.operations.ts');
		const original = readFileSync(file, 'utf8');
		writeFileSync(
			file,
			original
				.replace("policy: { auth: 'user' }", "policy: { auth: 'admin' }")
				.replace("policy: { auth: 'anonymous' }", "policy: { auth: 'user' }"),
		);
		try {
			const run = await charter(
				PROJECT,
				'diff',
				'--impact',
				db,
				'--window',
				'1',
				'--format',
				'json',
			);
			expect(run.code, run.stderr).toBe(1);
			const impact = (JSON.parse(run.stdout) as { diff: { impact: unknown } }).diff.impact;
			expect(impact).toMatchObject({
				source: db,
				operations: expect.arrayContaining([
					{
						key: 'hello.greeting.set',
						version: '1.0.0',
						severity: 'breaking',
						changes: ['auth-tightened $.policy.auth'],
						audited: true,
						calls: 3,
						succeeded: 2,
						principals: 1,
						tenants: 0,
						anonymous: 1,
						lastCall: expect.any(String),
					},
					{
						key: 'hello.greeting.get',
						version: '1.0.0',
						severity: 'breaking',
						changes: ['auth-tightened $.policy.auth'],
						audited: false,
					},
				]),
			});
			const text = await charter(PROJECT, 'diff', '--impact', db);
			expect(text.stdout).toMatch(
				/breaking hello\.greeting\.set@1\.0\.0: 3 call\(s\) \(2 succeeded\) from 1 principal\(s\) and 1 anonymous call\(s\) in 0 tenant\(s\), last /,
			);
			expect(text.stdout).toContain(
				'breaking hello.greeting.get@1.0.0: traffic unknown: queries are not audited',
			);
			// An exported log (audit tail --json lines) gives the same counts as the store.
			const exported = await charter(PROJECT, 'audit', 'tail', '--json', '-n', '1000', '--db', db);
			writeFileSync(join(PROJECT, 'audit-export.jsonl'), exported.stdout);
			const fromFile = await charter(
				PROJECT,
				'diff',
				'--impact',
				'audit-export.jsonl',
				'--format',
				'json',
			);
			const operations = (
				JSON.parse(fromFile.stdout) as { diff: { impact: { operations: unknown[] } } }
			).diff.impact.operations;
			expect(operations).toEqual((impact as { operations: unknown[] }).operations);
		} finally {
			writeFileSync(file, original);
		}
	});
	test('names the calls that sent a removed field or enum value, from the input shapes charter serve recorded', async () => {
		const db = `sqlite:.charter/impact-fields-${randomUUID()}.db`;
		const file = join(PROJECT, 'src/hello/hello.operations.ts');
		const lockfile = join(PROJECT, 'contracts.lock.json');
		const original = readFileSync(file, 'utf8');
		const originalLock = existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : undefined;
		// Greetings gain an optional tone (an enum) and an optional signature.
		const withFields = original
			.replace(
				"import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';",
				"import { defineEnum, defineSchemaModel, ScalarTypeEnum } from '@charter/schema';\n\nconst ToneEnum = defineEnum('Tone', ['WARM', 'FORMAL']);",
			)
			.replace(
				"description: 'What they are told.',\n\t\t},\n",
				"description: 'What they are told.',\n\t\t},\n\t\ttone: { type: ToneEnum, isOptional: true },\n\t\tsignature: { type: ScalarTypeEnum.String(), isOptional: true },\n",
			);
		expect(withFields).toContain('signature:');
		writeFileSync(file, withFields);
		try {
			expect((await charter(PROJECT, 'snapshot')).code).toBe(0);
			const server = await serve('--db', db);
			try {
				const set = (body: Record<string, string>) =>
					fetch(`${server.base}/v1/hello/greeting/set`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', authorization: 'Bearer dev-token' },
						body: JSON.stringify({ name: 'Ada', message: 'Hi', ...body }),
					});
				expect((await set({ tone: 'WARM', signature: 'Bob' })).status).toBe(200);
				expect((await set({ tone: 'FORMAL' })).status).toBe(200);
				expect((await set({ tone: 'FORMAL' })).status).toBe(200);
				expect((await set({})).status).toBe(200);
			} finally {
				expect(await server.stop()).toBe(0);
			}
			// The breaking change: the signature field and the FORMAL tone are removed.
			writeFileSync(
				file,
				withFields
					.replace("['WARM', 'FORMAL']", "['WARM']")
					.replace('\t\tsignature: { type: ScalarTypeEnum.String(), isOptional: true },\n', ''),
			);
			const run = await charter(
				PROJECT,
				'diff',
				'--impact',
				db,
				'--window',
				'1',
				'--format',
				'json',
			);
			expect(run.code, run.stderr).toBe(1);
			const operations = (
				JSON.parse(run.stdout) as {
					diff: { impact: { operations: { key: string; calls?: number; fields?: unknown }[] } };
				}
			).diff.impact.operations;
			const set = operations.find((o) => o.key === 'hello.greeting.set');
			expect(set?.calls).toBe(4);
			expect(set?.fields).toEqual([
				{
					change: 'enum-value-removed $.input.tone',
					pointer: '/tone',
					value: 'FORMAL',
					measure: 'sent',
					calls: 2,
					unknown: 0,
				},
				{
					change: 'field-removed $.input.signature',
					pointer: '/signature',
					measure: 'sent',
					calls: 1,
					unknown: 0,
				},
			]);
			const text = await charter(PROJECT, 'diff', '--impact', db);
			expect(text.stdout).toContain('/tone = "FORMAL": 2 call(s) sent it');
			expect(text.stdout).toContain('/signature: 1 call(s) sent it');
			// The exported log carries the shapes too: the same counts from the file.
			const exported = await charter(PROJECT, 'audit', 'tail', '--json', '-n', '1000', '--db', db);
			writeFileSync(join(PROJECT, 'audit-fields.jsonl'), exported.stdout);
			const fromFile = await charter(
				PROJECT,
				'diff',
				'--impact',
				'audit-fields.jsonl',
				'--window',
				'1',
				'--format',
				'json',
			);
			const fileSet = (
				JSON.parse(fromFile.stdout) as {
					diff: { impact: { operations: { key: string; fields?: unknown }[] } };
				}
			).diff.impact.operations.find((o) => o.key === 'hello.greeting.set');
			expect(fileSet?.fields).toEqual(set?.fields);
		} finally {
			writeFileSync(file, original);
			if (originalLock !== undefined) writeFileSync(lockfile, originalLock);
		}
	});
});
