import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchReport, formatReport } from '../bench-report.ts';
import { loadServer } from './load-run.ts';
import { PAUSE_BODY, PAUSE_PATH } from './pause-fixture.ts';
import { startServerChild } from './server-child.ts';

/*
 * Memory of the Charter benchmark server (the seed's pause command, full pipeline, memory
 * stores with their bounded audit log and outbox): its resident memory idle, then under the
 * HTTP benchmark's load for a soak of SOAK_SECONDS (60) in slices of 10 s, read from /proc
 * after each slice. No growth means the memory at the end is within 10% of the memory after
 * the first slice (the warm state): the ratio first/last must be >= 0.9.
 * Env: SOAK_SECONDS (60), SOAK_CONNECTIONS (50). Run alone: `npx tsx bench/http/soak.bench.ts`.
 */

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const SLICE = 10;

export async function run(): Promise<BenchReport> {
	const dir = fileURLToPath(new URL('.', import.meta.url));
	const before = loadavg();
	const child = await startServerChild(`${dir}servers/charter-server.ts`);
	const samples: number[] = [];
	let requests = 0;
	let idle = 0;
	try {
		idle = child.rssMb()?.now ?? Number.NaN;
		const request = {
			url: child.url + PAUSE_PATH,
			headers: { 'content-type': 'application/json', authorization: 'Bearer admin-token' },
			body: JSON.stringify(PAUSE_BODY),
		};
		for (let done = 0; done < SECONDS; done += SLICE) {
			const result = await loadServer(request, {
				connections: CONNECTIONS,
				warmupSeconds: 0,
				seconds: Math.min(SLICE, SECONDS - done),
			});
			requests += result.requests;
			samples.push(child.rssMb()?.now ?? Number.NaN);
		}
	} finally {
		await child.stop();
	}
	const first = samples[0]!;
	const last = samples.at(-1)!;
	const mb = (v: number) => `${Math.round(v)} MB`;
	return {
		name: `memory: charter server idle and over a ${SECONDS} s soak`,
		tasks: [],
		ratios: [
			{
				name: `rss after first ${SLICE} s / rss at end (${mb(first)} / ${mb(last)})`,
				value: first / last,
				target: 0.9,
			},
		],
		notes: [
			`rss idle ${mb(idle)}; after each ${SLICE} s of load at ${CONNECTIONS} connections: ${samples.map(mb).join(', ')} (${requests.toLocaleString('en-US')} requests)`,
			`load average (1/5/15 min) before ${before.map((v) => v.toFixed(2)).join(' / ')}, after ${loadavg()
				.map((v) => v.toFixed(2))
				.join(' / ')} on a machine with ${cpus().length} cores`,
		],
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
