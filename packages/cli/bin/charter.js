#!/usr/bin/env node
// The CLI and the projects it loads are TypeScript: tsx compiles them on the fly, so users
// never build before running `charter`.
import { register } from 'tsx/esm/api';

// `charter inspect x | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
