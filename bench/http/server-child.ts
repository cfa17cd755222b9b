import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A benchmark server running in its own process. */
export interface ServerChild {
	readonly url: string;
	/** CPU time (user + system) the child has used so far, in ms; undefined off Linux. */
	cpuMs(): number | undefined;
	/** Resident memory now and its peak so far, in MB (/proc); undefined off Linux. */
	rssMb(): { readonly now: number; readonly peak: number } | undefined;
	/** Stops the child (SIGTERM, so a CPU profile gets written) and waits for it to exit. */
	stop(): Promise<void>;
}

/**
 * Starts a server file in a child node process (with tsx) and waits for its `READY <port>`
 * line. `nodeArgs` go to node itself (e.g. `--cpu-prof`).
 */
export function startServerChild(
	file: string,
	nodeArgs: readonly string[] = [],
	timeoutMs = 30_000,
): Promise<ServerChild> {
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, NODE_ENV: 'production' },
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString('utf8')).slice(-4000);
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			void stop();
			reject(new Error(`no READY line within ${timeoutMs} ms: ${stderr}`));
		}, timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`exited with ${code} before it was ready: ${stderr.trim()}`));
		});
		const lines = createInterface({ input: child.stdout! });
		lines.on('line', (line) => {
			const ready = /^READY (\d+)$/.exec(line);
			if (!ready) return;
			clearTimeout(timer);
			resolve({
				url: `http://127.0.0.1:${ready[1]}`,
				cpuMs: () => cpuMsOf(child.pid),
				rssMb: () => rssMbOf(child.pid),
				stop,
			});
		});
	});
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every common build). */
const USER_HZ = 100;

function cpuMsOf(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces) start at index 2 (state).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
	} catch {
		return undefined;
	}
}

function rssMbOf(pid: number | undefined): { now: number; peak: number } | undefined {
	if (pid === undefined) return undefined;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		const now = kb('VmRSS');
		const peak = kb('VmHWM');
		return Number.isFinite(now) && Number.isFinite(peak)
			? { now: now / 1024, peak: peak / 1024 }
			: undefined;
	} catch {
		return undefined;
	}
}
