import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { ciCommand } from './ci.ts';
import { diffCommand } from './diff.ts';
import { docsCommand } from './docs.ts';
import { doctorCommand } from './doctor.ts';
import { generateCommand } from './generate.ts';
import { initCommand } from './init.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { mcpCommand } from './mcp.ts';
import { newCommand } from './new.ts';
import { serveCommand } from './serve.ts';
import { snapshotCommand } from './snapshot.ts';
import { testCommand } from './test.ts';
import { versionCommand } from './version.ts';

/**
 * Every command, in the order `charter --help` lists them. To add one, write
 * `commands/<name>.ts` exporting a {@link Command} and add it here, one per line.
 */
export const commands: readonly Command[] = [
	initCommand,
	newCommand,
	listCommand,
	inspectCommand,
	snapshotCommand,
	doctorCommand,
	serveCommand,
	mcpCommand,
	testCommand,
	generateCommand,
	docsCommand,
	checkCommand,
	diffCommand,
	versionCommand,
	ciCommand,
];
