#!/usr/bin/env node
// Charter runs from its compiled `dist/`. A project's own config, contracts and handlers are
// TypeScript: tsx loads them on the fly, so users never build before running `charter`; it is
// registered when the first of them is imported (project/typescript-loader.ts), so Charter's
// own modules load without it (and a project whose config and contracts are cached as
// JavaScript in .charter/cache never loads it). Inside Charter's repository,
// `--conditions=@charter/source` loads Charter's sources, which are TypeScript too: then tsx is
// registered first, here.
const fromSources = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some(
	(option) => option.includes('@charter/source'),
);

// `charter inspect x | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

if (fromSources) {
	const { register } = await import('tsx/esm/api');
	register();
	globalThis[Symbol.for('charter.typescript-loader')] = Promise.resolve();
}
// Only the command table: each command loads its own modules when it runs.
const { main } = await import('#main');
process.exitCode = await main(process.argv.slice(2));
