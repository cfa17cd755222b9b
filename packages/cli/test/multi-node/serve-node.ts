import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../../bin/charter.js');
/** The project both nodes serve. */
export const FIXTURE = join(here, 'fixture');

/** One `charter serve` process, started and ready (its banner printed). */
export interface ServeNode {
	readonly name: string;
	readonly base: string;
	/** Everything the process printed so far. */
	output(): string;
	/** Kills the process with SIGKILL: no drain, no shutdown hook. */
	kill9(): Promise<void>;
	/** Stops the process with SIGTERM and gives its exit code. */
	stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills every node still running (for `finally`). */
export function killAllNodes(): void {
	for (const child of running) child.kill('SIGKILL');
	running.clear();
}

/**
 * Spawns `charter serve --port 0 <args>` in the fixture project (with `env` added to the
 * environment) and waits for its banner.
 */
export async function startServeNode(
	name: string,
	args: readonly string[],
	timeoutMs = 20_000,
	env: Readonly<Record<string, string>> = {},
): Promise<ServeNode> {
	const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
		cwd: FIXTURE,
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let text = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const base = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			clearInterval(poll);
			reject(new Error(`node ${name} printed no banner in ${timeoutMs} ms:\n${text}`));
		}, timeoutMs);
		const poll = setInterval(() => {
			const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/.exec(text);
			if (match) {
				clearInterval(poll);
				clearTimeout(timer);
				resolve(match[1]!);
			}
		}, 25);
		void exited.then((code) => {
			clearInterval(poll);
			clearTimeout(timer);
			reject(new Error(`node ${name} exited (${code}) before its banner:\n${text}`));
		});
	});
	return {
		name,
		base,
		output: () => text,
		async kill9() {
			child.kill('SIGKILL');
			await exited;
			running.delete(child);
		},
		async stop() {
			child.kill('SIGTERM');
			const code = await exited;
			running.delete(child);
			return code;
		},
	};
}

/** Runs `charter <args>` in the fixture project and gives its exit code and output. */
export function runCharter(args: readonly string[]): Promise<{ code: number; stdout: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [BIN, ...args], {
			cwd: FIXTURE,
			env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let stdout = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.on('exit', (code) => resolve({ code: code ?? -1, stdout }));
	});
}
