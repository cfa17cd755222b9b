import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
	type BenchReport,
	formatReport,
	type RatioResult,
	type TaskResult,
} from '../bench-report.ts';
import { type LoadOptions, type LoadResult, loadServer } from './load-run.ts';
import {
	INVALID_BODY,
	PAUSE_BODY,
	PAUSE_PATH,
	pauseInstance,
	seedInstances,
} from './pause-fixture.ts';
import { startServerChild } from './server-child.ts';

/*
 * HTTP benchmark of the seed's pause command (POST, bearer token, JSON body, a ~14-field
 * WorkflowInstance back): Charter's REST server with its full pipeline against peer
 * frameworks doing the same validation and work. Each server runs in its own child process,
 * one after the other; autocannon loads it from this process with the same connections,
 * warmup and duration. Before the load, every server must answer the same 200 body, 401
 * without a token, 403 for a non-admin and 400/422 for an invalid body, or its row is not
 * measured.
 *
 * Env: HTTP_BENCH_SECONDS (5), HTTP_BENCH_WARMUP (2), HTTP_BENCH_CONNECTIONS (10,50: one run
 * per count; every server at the first, the WIDE_IDS servers at the others),
 * HTTP_BENCH_ROUNDS (3: the rounds interleave the servers and keep each one's median; one
 * round on this shared 2-core VM swings by a quarter either way),
 * HTTP_BENCH_ONLY (comma-separated server ids), HTTP_BENCH_CPU_PROF (a server id: its child
 * runs with --cpu-prof into bench/http/profiles/).
 * Run alone: `npm run bench:http -w bench`.
 */

interface ServerSpec {
	readonly id: string;
	readonly name: string;
	readonly file: string;
	/** The route, when the framework does not use the REST path. */
	readonly path?: string;
	/** Gets the instance out of the framework's success envelope. */
	readonly unwrap?: (body: unknown) => unknown;
}

const SERVERS: readonly ServerSpec[] = [
	{ id: 'charter', name: 'charter (full pipeline)', file: 'charter-server.ts' },
	{
		id: 'charter-middleware',
		name: 'charter + 1 no-op middleware',
		file: 'charter-middleware-server.ts',
	},
	{
		id: 'charter-otel-off',
		name: 'charter + OTel SDK, sampling off + Prometheus',
		file: 'charter-telemetry-off-server.ts',
	},
	{
		id: 'charter-otel-off-propagate',
		name: 'charter + OTel SDK, sampling off, context entered + Prometheus',
		file: 'charter-telemetry-propagate-server.ts',
	},
	{
		id: 'charter-otel-on',
		name: 'charter + OTel SDK, sampling on + Prometheus',
		file: 'charter-telemetry-on-server.ts',
	},
	{
		id: 'fastify-schema',
		name: 'fastify + response schema',
		file: 'fastify-schema-server.ts',
	},
	{ id: 'fastify', name: 'fastify + ajv output hook', file: 'fastify-server.ts' },
	{ id: 'node-ajv', name: 'node:http + ajv', file: 'node-ajv-server.ts' },
	{ id: 'hono', name: 'hono + @hono/zod-openapi', file: 'hono-server.ts' },
	{ id: 'orpc', name: 'orpc openapi handler', file: 'orpc-server.ts' },
	{
		id: 'trpc',
		name: 'trpc standalone',
		file: 'trpc-server.ts',
		path: '/workflow.instance.pause',
		unwrap: (body) => (body as { result?: { data?: unknown } }).result?.data,
	},
	{ id: 'ts-rest', name: 'ts-rest (3.53 rc, fetch)', file: 'ts-rest-server.ts' },
];

/** The servers also measured at the higher connection counts (the ones the targets name). */
const WIDE_IDS: readonly string[] = ['charter', 'fastify-schema', 'fastify', 'node-ajv'];

const JSON_TYPE = { 'content-type': 'application/json' };
const ADMIN = { ...JSON_TYPE, authorization: 'Bearer admin-token' };

function options(): Omit<LoadOptions, 'connections'> & {
	rounds: number;
	connections: number[];
} {
	const num = (name: string, fallback: number) => {
		const raw = process.env[name];
		const value = raw === undefined || raw === '' ? fallback : Number(raw);
		if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0`);
		return value;
	};
	return {
		seconds: num('HTTP_BENCH_SECONDS', 5),
		warmupSeconds: num('HTTP_BENCH_WARMUP', 2),
		connections: (process.env.HTTP_BENCH_CONNECTIONS || '10,50').split(',').map((raw) => {
			const value = Number(raw);
			if (!Number.isInteger(value) || value < 1) {
				throw new Error('HTTP_BENCH_CONNECTIONS must be counts >= 1, comma-separated');
			}
			return value;
		}),
		rounds: Math.max(1, Math.round(num('HTTP_BENCH_ROUNDS', 3))),
	};
}

/** The body a fresh server must answer to the first valid pause (updatedAt aside). */
function expectedBody(): Record<string, unknown> {
	const paused = pauseInstance(seedInstances(), PAUSE_BODY, 'org-1', 'now');
	const { updatedAt: _, ...rest } = paused as unknown as Record<string, unknown>;
	return rest;
}

/** Checks a fresh server answers like the contract says; throws with what differs. */
async function checkServer(url: string, spec: ServerSpec): Promise<void> {
	const post = (headers: Record<string, string>, body: unknown) =>
		fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
	const ok = await post(ADMIN, PAUSE_BODY);
	const text = await ok.text();
	if (ok.status !== 200) throw new Error(`valid request: ${ok.status} ${text.slice(0, 200)}`);
	const raw = JSON.parse(text) as unknown;
	const body = (spec.unwrap ? spec.unwrap(raw) : raw) as Record<string, unknown> | undefined;
	const { updatedAt, ...rest } = body ?? {};
	const want = JSON.stringify(expectedBody());
	const got = JSON.stringify(
		Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))),
	);
	const sorted = JSON.stringify(
		Object.fromEntries(Object.entries(JSON.parse(want)).sort(([a], [b]) => (a < b ? -1 : 1))),
	);
	if (got !== sorted || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) {
		throw new Error(`valid request: body differs: ${text.slice(0, 300)}`);
	}
	const cases: [string, Record<string, string>, unknown, readonly number[]][] = [
		['no token', JSON_TYPE, PAUSE_BODY, [401]],
		['non-admin token', { ...JSON_TYPE, authorization: 'Bearer user-token' }, PAUSE_BODY, [403]],
		['invalid body', ADMIN, INVALID_BODY, [400, 422]],
	];
	for (const [what, headers, payload, statuses] of cases) {
		const response = await post(headers, payload);
		await response.arrayBuffer();
		if (!statuses.includes(response.status)) {
			throw new Error(`${what}: ${response.status}, expected ${statuses.join(' or ')}`);
		}
	}
}

interface Row {
	readonly spec: ServerSpec;
	readonly result?: LoadResult;
	/** Resident memory in MB: idle (started, checked) and the peak under load. */
	readonly memory?: { readonly idle: number; readonly peak: number };
	readonly skipped?: string;
}

async function measureServer(spec: ServerSpec, load: LoadOptions): Promise<Row> {
	const dir = fileURLToPath(new URL('.', import.meta.url));
	const profile = process.env.HTTP_BENCH_CPU_PROF === spec.id;
	const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}profiles`] : [];
	let child: Awaited<ReturnType<typeof startServerChild>> | undefined;
	try {
		child = await startServerChild(`${dir}servers/${spec.file}`, nodeArgs);
		const url = child.url + (spec.path ?? PAUSE_PATH);
		await checkServer(url, spec);
		const idle = child.rssMb();
		const result = await loadServer(
			{ url, headers: ADMIN, body: JSON.stringify(PAUSE_BODY) },
			load,
			child.cpuMs,
		);
		const loaded = child.rssMb();
		const memory = idle && loaded ? { idle: idle.now, peak: loaded.peak } : undefined;
		return { spec, result, memory };
	} catch (error) {
		return { spec, skipped: error instanceof Error ? error.message : String(error) };
	} finally {
		await child?.stop();
	}
}

/** The round with the median req/s; a row that failed once is not measured. */
function medianRow(spec: ServerSpec, rounds: readonly Row[]): Row {
	const failed = rounds.find((r) => r.skipped);
	if (failed) return failed;
	const sorted = [...rounds].sort((a, b) => a.result!.rps - b.result!.rps);
	return sorted[Math.floor((sorted.length - 1) / 2)] ?? { spec, skipped: 'no round ran' };
}

const fmtLoad = (l: readonly number[]) => l.map((v) => v.toFixed(2)).join(' / ');

interface Measured {
	readonly tasks: TaskResult[];
	readonly ratios: RatioResult[];
	readonly skipped: string[];
}

/** Measures the picked servers at one connection count, rounds interleaved, medians kept. */
async function measureAt(
	picked: readonly ServerSpec[],
	load: LoadOptions,
	rounds: number,
): Promise<Measured> {
	// Rounds interleave the servers, so a burst of load from elsewhere hits them all alike;
	// each server's row is its median round.
	const runs = new Map<string, Row[]>(picked.map((spec) => [spec.id, []]));
	for (let round = 0; round < rounds; round++) {
		for (const spec of picked) {
			const done = runs.get(spec.id)!;
			if (done.some((r) => r.skipped)) continue;
			done.push(await measureServer(spec, load));
		}
	}
	const rows: Row[] = picked.map((spec) => medianRow(spec, runs.get(spec.id)!));
	const at = `@${load.connections}`;
	const rps = (id: string) => rows.find((r) => r.spec.id === id)?.result?.rps;
	const fastify = rps('fastify-schema');
	const charter = rps('charter');
	const tasks: TaskResult[] = rows
		.filter((r) => r.result)
		.map(({ spec, result, memory }) => ({
			name: `${spec.name} ${at}`,
			hz: result!.rps,
			rme: result!.rme,
			extra:
				`p99 ${String(result!.p99Ms).padStart(3)} ms` +
				(result!.cpuMicrosPerRequest === undefined
					? ''
					: `  cpu ${Math.round(result!.cpuMicrosPerRequest)} µs/req`.padStart(18)) +
				(memory ? `  rss ${Math.round(memory.idle)}/${Math.round(memory.peak)} MB` : '') +
				(fastify ? `  ${(result!.rps / fastify).toFixed(2)}x fastify+schema` : ''),
		}));
	const ratios: RatioResult[] = [];
	if (charter !== undefined) {
		for (const row of rows) {
			if (row.spec.id === 'charter' || !row.result) continue;
			if (row.spec.id === 'charter-middleware') {
				// Charter itself with one no-op middleware: at most 5% slower than without.
				const value = row.result.rps / charter;
				ratios.push({ name: `charter-middleware/charter ${at}`, value, target: 0.95 });
				continue;
			}
			if (row.spec.id.startsWith('charter-otel-')) {
				// Telemetry on over telemetry disabled: sampling off must cost at most 5%; the
				// figures with the unsampled context entered and with every call traced are reported.
				const value = row.result.rps / charter;
				const name = `${row.spec.id}/charter ${at}`;
				if (row.spec.id === 'charter-otel-off') ratios.push({ name, value, target: 0.95 });
				else ratios.push({ name, value });
				continue;
			}
			const value = charter / row.result.rps;
			const name = `charter/${row.spec.id} ${at}`;
			// Hand-written node:http + Ajv is the floor, not a peer (no framework: no problem
			// documents, trace ids, audit or unsafe-key checks): reported, not judged.
			if (row.spec.id === 'node-ajv') ratios.push({ name, value });
			else ratios.push({ name, value, target: 1 });
		}
		// Server CPU per request is steadier than req/s when other work shares the cores:
		// the peer's µs/req over Charter's, for reference beside the judged req/s ratio.
		const charterCpu = rows.find((r) => r.spec.id === 'charter')?.result?.cpuMicrosPerRequest;
		const peer = rows.find((r) => r.spec.id === 'fastify-schema')?.result?.cpuMicrosPerRequest;
		if (charterCpu && peer) {
			ratios.push({ name: `cpu/req fastify-schema/charter ${at}`, value: peer / charterCpu });
		}
	}
	const skipped = rows
		.filter((r) => r.skipped)
		.map((r) => `${r.spec.name} ${at}: not measured: ${r.skipped}`);
	return { tasks, ratios, skipped };
}

/** Measures every server, one after the other, and compares Charter with each peer. */
export async function run(): Promise<BenchReport> {
	const load = options();
	const only = process.env.HTTP_BENCH_ONLY?.split(',').map((s) => s.trim());
	const before = loadavg();
	const picked = SERVERS.filter((spec) => !only || only.includes(spec.id));
	const all: Measured = { tasks: [], ratios: [], skipped: [] };
	for (const [i, connections] of load.connections.entries()) {
		const servers = i === 0 ? picked : picked.filter((spec) => WIDE_IDS.includes(spec.id));
		const measured = await measureAt(servers, { ...load, connections }, load.rounds);
		all.tasks.push(...measured.tasks);
		all.ratios.push(...measured.ratios);
		all.skipped.push(...measured.skipped);
	}
	const after = loadavg();
	const notes = [
		`connections ${load.connections.join(' and ')} (@N in each row; every server at the first, ${WIDE_IDS.join(', ')} at the others), warmup ${load.warmupSeconds} s, measure ${load.seconds} s per server, ${load.rounds} round(s) (median); each server in its own child process`,
		'rss idle/peak: the server process resident memory once started and checked, and its peak (VmHWM) by the end of the measured load',
		'cpu µs/req: the server process CPU time (user + system, /proc) over the measured seconds, per request: steadier than req/s on a busy machine',
		`load average (1/5/15 min) before ${fmtLoad(before)}, after ${fmtLoad(after)} on a machine with 2 cores: numbers are noisy`,
		'targets: charter >= 1.0x every peer at every connection count, one no-op middleware costs at most 5% (charter-middleware/charter >= 0.95), and so does telemetry with the OpenTelemetry SDK installed and sampling off plus Prometheus metrics (charter-otel-off/charter >= 0.95, unsampled requests detached as charter serve does under OTEL_TRACES_SAMPLER=parentbased_always_off; charter-otel-off-propagate/charter, their context entered, and charter-otel-on/charter, every call traced, are reported); raw node:http + ajv is the floor (hand-written, no framework), reported for reference',
		'every server: bearer token (401/403), input validation and the same in-memory pause. Output: charter validates it (a broken output is a 500); fastify + response schema only serializes it with fast-json-stringify (how Fastify users configure it: a broken output goes out); fastify + ajv output hook validates it in a preSerialization hook and hono in the handler',
		'charter additionally writes an audit record per command in its unit of work (memory stores)',
		...all.skipped,
	];
	return {
		name: 'http: POST workflow.instance.pause',
		tasks: all.tasks,
		ratios: all.ratios,
		notes,
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(formatReport(await run()));
}
