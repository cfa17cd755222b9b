#!/usr/bin/env node
// Charter runs from its compiled `dist/`. A project's own config, contracts and handlers are
// TypeScript: tsx loads them on the fly, so users never build before running `charter`.
// (Inside Charter's repository, `--conditions=@charter/source` loads Charter's sources instead.)
import { register } from 'tsx/esm/api';

// `charter inspect x | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

register();
// Only the command table: each command loads its own modules when it runs.
const { main } = await import('#main');
process.exitCode = await main(process.argv.slice(2));
