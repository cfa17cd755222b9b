/**
 * Resolves on SIGINT or SIGTERM. Under npm (`npm start`, `npx charter serve`), npm hands its
 * signal to the shell it ran the script in, which dies without passing it on: the server
 * would live on orphaned. So there, a parent that goes away is a signal too.
 */
export function waitForSignal(): Promise<void> {
	return new Promise((resolve) => {
		const parent = process.ppid;
		const underNpm = process.env.npm_lifecycle_event !== undefined;
		const watch = underNpm
			? setInterval(() => {
					if (process.ppid !== parent) stop();
				}, 500).unref()
			: undefined;
		const stop = () => {
			clearInterval(watch);
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
