/*
 * The handshake between a benchmark server child and the runner: the child prints
 * `READY <port>` on stdout once it listens, and exits cleanly on SIGTERM (so a
 * `--cpu-prof` profile is written).
 */

/** Tells the runner the port, and exits on SIGTERM. */
export function announce(port: number): void {
	process.on('SIGTERM', () => process.exit(0));
	process.stdout.write(`READY ${port}\n`);
}
