import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { PAUSE_BODY, PAUSE_PATH } from '../pause-fixture.ts';
import { MemorySocket } from './memory-socket.ts';

/*
 * CPU per request of one benchmark server, through node's real HTTP stack but over sockets in
 * memory: no kernel, no load generator on the other core. Steadier than the autocannon
 * benchmark on a shared VM (a few percent between runs instead of a quarter), so it suits
 * comparing two versions of a server; it leaves out what sockets cost, so it is not the
 * benchmark's ratio. The server file is imported with `listen` captured (it listens nowhere).
 *
 * Run: `npx tsx bench/http/in-process/in-process.ts bench/http/servers/charter-server.ts`
 * Env: IN_PROCESS_REQUESTS (30,000 per round), IN_PROCESS_ROUNDS (5; the best is kept),
 * IN_PROCESS_CONNECTIONS (10).
 */

const requests = Number(process.env.IN_PROCESS_REQUESTS ?? 30_000);
const rounds = Number(process.env.IN_PROCESS_ROUNDS ?? 5);
const connections = Number(process.env.IN_PROCESS_CONNECTIONS ?? 10);

const server = await loadServer(process.argv[2]);
const body = JSON.stringify(PAUSE_BODY);
const request = Buffer.from(
	[
		`POST ${PAUSE_PATH} HTTP/1.1`,
		'host: 127.0.0.1',
		'content-type: application/json',
		'authorization: Bearer admin-token',
		`content-length: ${Buffer.byteLength(body)}`,
		'',
		body,
	].join('\r\n'),
);

await load(requests); // warm-up
let best = Number.POSITIVE_INFINITY;
for (let round = 0; round < rounds; round++) {
	const before = process.cpuUsage();
	await load(requests);
	const used = process.cpuUsage(before);
	best = Math.min(best, (used.user + used.system) / requests);
}
console.log(`${process.argv[2]}: ${best.toFixed(2)} µs CPU per request (best of ${rounds})`);
process.exit(0);

/** Imports a server file, capturing the server it would listen with. */
async function loadServer(file: string | undefined): Promise<http.Server> {
	if (!file) throw new Error('usage: in-process.ts <server file>');
	let captured: http.Server | undefined;
	http.Server.prototype.listen = function listen(this: http.Server, ...args: unknown[]) {
		captured = this;
		this.address = () => ({ port: 1, address: '127.0.0.1', family: 'IPv4' });
		const ready = args.find((a) => typeof a === 'function') as (() => void) | undefined;
		queueMicrotask(() => {
			this.emit('listening');
			ready?.();
		});
		return this;
	} as typeof http.Server.prototype.listen;
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = (() => true) as typeof process.stdout.write; // the READY line
	await import(pathToFileURL(file).href);
	for (let i = 0; i < 100 && !captured; i++) await new Promise((r) => setTimeout(r, 10));
	process.stdout.write = write;
	if (!captured) throw new Error(`${file} made no server`);
	return captured;
}

/** Sends `total` requests over the connections, each sending its next one on a response. */
function load(total: number): Promise<void> {
	let sent = 0;
	let answered = 0;
	return new Promise((resolve, reject) => {
		for (let c = 0; c < connections; c++) {
			const socket = new MemorySocket();
			server.emit('connection', socket);
			socket.onResponse = (status) => {
				if (status !== 200) reject(new Error(`answered ${status}`));
				answered++;
				if (answered === total) resolve();
				else if (sent < total) {
					sent++;
					socket.push(request);
				}
			};
			sent++;
			socket.push(request);
		}
	});
}
