import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { freePort } from '../../../../test-support/free-port.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHARTER = join(root, '..', '..', 'node_modules', '@charter', 'cli', 'bin', 'charter.js');

/** A running `charter serve` of the example, on its own port and database. */
export interface ServeProcess {
	readonly url: string;
	/** Stops the server (SIGTERM) and waits for it to exit. */
	stop(): Promise<void>;
}

/** Starts `charter serve` in the example's folder and waits until it answers /healthz. */
export async function startServe(
	port: number,
	db: string,
	args: readonly string[] = [],
): Promise<ServeProcess & { readonly pid: number }> {
	const child: ChildProcess = spawn(
		process.execPath,
		[CHARTER, 'serve', '--port', String(port), '--db', db, ...args],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`charter serve exited:\n${output}`);
		const healthy = await fetch(`${url}/healthz`).then(
			(r) => r.ok,
			() => false,
		);
		if (healthy) {
			return {
				url,
				pid: child.pid!,
				async stop() {
					if (child.exitCode === null) child.kill('SIGTERM');
					await exited;
				},
			};
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	child.kill('SIGKILL');
	throw new Error(`charter serve did not become healthy in 60 s:\n${output}`);
}
