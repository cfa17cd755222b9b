// Preloaded into each measured `charter` process (NODE_OPTIONS=--import): on exit, prints the
// process's peak resident memory so the benchmark can report it without OS tools.
process.on('exit', () => {
	process.stderr.write(`\ncharter-bench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
