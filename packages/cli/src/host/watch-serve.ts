import { type ChildProcess, spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { ExitCode } from '../command.ts';
import type { Output } from '../output/output.ts';
import { findConfigFileOrNone } from '../project/load-project.ts';
import { waitForSignal } from './wait-for-signal.ts';

/** Folders whose changes never restart the server: dependencies, data, builds, generated files. */
const IGNORED = new Set(['node_modules', '.charter', '.git', 'dist', 'generated', 'coverage']);
/** How long changes settle before a restart (an editor saves several files at once). */
const SETTLE_MS = 150;

/** The project folder: the config's, or the nearest folder up from `cwd` that has one. */
export function projectRoot(cwd: string, config: string | undefined): string {
	if (config !== undefined) return dirname(resolve(cwd, config));
	const found = findConfigFileOrNone(cwd);
	return found === undefined ? resolve(cwd) : dirname(found);
}

/**
 * `charter serve --watch`: runs `charter serve` (without `--watch`) in a child process and
 * restarts it when a file of the project changes (contracts, handlers, the config), saying
 * which and when. A server that fails to start (a broken contract, a handler that throws at
 * load) prints its error and the watcher waits for the next change. SIGINT and SIGTERM stop
 * the server (it drains) and then the watcher.
 */
export async function watchServe(
	root: string,
	args: readonly string[],
	out: Output,
): Promise<number> {
	const argv = [...process.execArgv, process.argv[1]!, 'serve', ...args];
	let child: ChildProcess | undefined;
	let exited: Promise<number | null> = Promise.resolve(null);
	let stopping = false;
	const start = () => {
		child = spawn(process.execPath, argv, { cwd: process.cwd(), stdio: 'inherit' });
		const running = child;
		exited = new Promise((done) =>
			running.once('exit', (code) => {
				if (child === running && !stopping && code !== 0)
					out.line(
						out.style.yellow(`[watch] charter serve exited (${code}); waiting for a change`),
					);
				done(code);
			}),
		);
	};
	const stopChild = async () => {
		const running = child;
		child = undefined;
		if (running && running.exitCode === null && running.signalCode === null)
			running.kill('SIGTERM');
		await exited;
	};
	let timer: NodeJS.Timeout | undefined;
	const changed = new Set<string>();
	// One restart at a time: a change while the old server drains restarts again afterwards,
	// so two servers never start at once.
	let restarting: Promise<void> | undefined;
	let again = false;
	const restart = () => {
		if (restarting) {
			again = true;
			return;
		}
		restarting = (async () => {
			do {
				again = false;
				const files = [...changed].sort();
				changed.clear();
				out.line(out.style.cyan(`[watch] ${files.join(', ')} changed: restarting charter serve`));
				await stopChild();
				if (!stopping) start();
			} while (again && !stopping);
		})().finally(() => {
			restarting = undefined;
		});
	};
	const watcher = watch(root, { recursive: true }, (_event, file) => {
		if (file === null || stopping) return;
		const name = file.toString();
		if (name.split(sep).some((part) => IGNORED.has(part) || part.startsWith('.'))) return;
		changed.add(name);
		clearTimeout(timer);
		timer = setTimeout(restart, SETTLE_MS);
	});
	out.line(out.style.dim(`[watch] restarting charter serve when files under ${root} change`));
	start();
	await waitForSignal();
	stopping = true;
	clearTimeout(timer);
	watcher.close();
	await restarting;
	await stopChild();
	return ExitCode.ok;
}
