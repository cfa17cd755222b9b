import { createRequire } from 'node:module';

/**
 * The version of `@charter/cli`, from its package.json, found by package name: a path
 * relative to this file would name another package.json once `charter build` has bundled it.
 */
export const VERSION = (
	createRequire(import.meta.url)('@charter/cli/package.json') as { version: string }
).version;
