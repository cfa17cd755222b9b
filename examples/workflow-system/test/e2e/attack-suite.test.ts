import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	graphqlRequest,
	type HostileRequest,
	mcpRequest,
	restRequest,
	seeded,
} from './hostile-requests.ts';
import { freePort, type ServeProcess, startServe } from './serve-process.ts';

/**
 * The attack suite (issue 14): thousands of hostile requests per surface against the example
 * served by `charter serve`, authenticated and not. Every answer must be a refusal (4xx, or 503
 * for a dependency that is down; GraphQL and MCP may refuse inside a 200) that leaks no stack,
 * path or driver message, the server must stay up, and its peak RSS stay bounded.
 */
const PER_SURFACE = 5_000;
const CONCURRENCY = 24;
const MAX_PEAK_RSS_MB = 768;
/** What an answer must never show: stacks, source paths, driver messages. */
const LEAK =
	/node_modules|\.ts:\d+|\.js:\d+|"stack"|SqliteError|SQLITE_|ECONNREFUSED|TypeError|ReferenceError/;

let server: ServeProcess & { pid: number };
const folder = mkdtempSync(join(tmpdir(), 'charter-attack-'));
let host: string;
let port: number;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
	port = await freePort();
	// Rate limits count every request but stay out of the way: the refusals under test are the others.
	server = await startServe(port, `sqlite:${join(folder, 'attack.db')}`, [
		'--rate-limit',
		'10000000,10000000',
	]);
	host = `127.0.0.1:${port}`;
}, 90_000);
afterAll(async () => {
	agent.destroy();
	await server?.stop();
	rmSync(folder, { recursive: true, force: true });
});

function send(
	hostile: HostileRequest,
): Promise<{ status: number; body: string } | { error: string }> {
	return new Promise((resolve) => {
		const req = request(
			{
				agent,
				host: '127.0.0.1',
				port,
				method: hostile.method,
				path: hostile.path,
				headers: { host, ...hostile.headers },
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					if (body.length < 65_536) body += chunk;
				});
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
				res.on('error', (e) => resolve({ error: e.message }));
			},
		);
		req.setTimeout(20_000, () => req.destroy(new Error('timed out')));
		req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
		req.end(hostile.body);
	});
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return Math.round(kb / 1024);
}

async function attack(
	make: (r: ReturnType<typeof seeded>, i: number) => HostileRequest,
	seed: number,
) {
	const random = seeded(seed);
	const failures: string[] = [];
	const statuses = new Map<number | string, number>();
	let next = 0;
	const worker = async () => {
		while (next < PER_SURFACE) {
			const i = next++;
			const hostile = make(random, i);
			const answer = await send(hostile);
			const key = 'error' in answer ? answer.error : answer.status;
			statuses.set(key, (statuses.get(key) ?? 0) + 1);
			// A connection the server cut (an oversized body or header) is a refusal too.
			const ok =
				'error' in answer
					? /^(ECONNRESET|EPIPE)$/.test(answer.error) && /oversized|huge header/.test(hostile.name)
					: hostile.accept(answer.status, answer.body) && !LEAK.test(answer.body);
			if (!ok && failures.length < 10)
				failures.push(
					`${hostile.name}: ${hostile.method} ${hostile.path.slice(0, 80)} -> ${
						'error' in answer ? answer.error : `${answer.status} ${answer.body.slice(0, 200)}`
					}`,
				);
		}
	};
	const started = Date.now();
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { failures, statuses: Object.fromEntries(statuses), ms: Date.now() - started };
}

describe('attack suite: hostile requests against the served example', () => {
	let peak = 0;
	const surfaces = [
		['REST', restRequest, 1],
		['GraphQL', graphqlRequest, 2],
		['MCP', mcpRequest, 3],
	] as const;

	it.each(surfaces)(
		`%s: ${PER_SURFACE} hostile requests are refused without a leak or a 5xx (503 aside)`,
		async (name, make, seed) => {
			const run = await attack(make, seed);
			peak = Math.max(peak, rssMb(server.pid, 'VmHWM'));
			console.info(
				`[attack] ${name}: ${PER_SURFACE} requests in ${run.ms} ms, statuses ${JSON.stringify(run.statuses)}, server RSS now ${rssMb(server.pid, 'VmRSS')} MB`,
			);
			expect(run.failures).toEqual([]);
			// Still up, and still answering a signed-in caller.
			const health = await send({
				name: 'health',
				method: 'GET',
				path: '/v1/workflow/definition/list',
				headers: { authorization: 'Bearer admin-token' },
				accept: () => true,
			});
			expect(health).toMatchObject({ status: 200 });
		},
		60_000,
	);

	it(`kept the server's peak RSS under ${MAX_PEAK_RSS_MB} MB`, () => {
		console.info(`[attack] peak RSS of charter serve: ${peak} MB`);
		expect(peak).toBeGreaterThan(0);
		expect(peak).toBeLessThan(MAX_PEAK_RSS_MB);
	});
});
