// Preloaded into each measured `charter` process (NODE_OPTIONS=--import): on exit, prints the
// process's peak resident memory so the benchmark can report it without OS tools. On SIGUSR2,
// prints the CPU time used so far (user + system, all threads), so a phase that ends while the
// process goes on (a server ready to serve) can be timed in CPU as well as on the wall clock:
// on a machine shared with other work, CPU time is the figure that does not depend on the load.
const cpuMs = () => {
	const { userCPUTime, systemCPUTime } = process.resourceUsage();
	return Math.round((userCPUTime + systemCPUTime) / 1000);
};
process.on('SIGUSR2', () => {
	process.stderr.write(`\ncharter-bench-cpu-ms ${cpuMs()}\n`);
});
process.on('exit', () => {
	process.stderr.write(`\ncharter-bench-cpu-ms ${cpuMs()}\n`);
	process.stderr.write(`\ncharter-bench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
