import type { Output } from './output/output.ts';

/** Process exit codes, the same for every command. */
export const ExitCode = {
	ok: 0,
	/** The command ran and found problems (check findings, stale snapshot, failed examples). */
	findings: 1,
	/** Wrong usage or a broken project configuration. */
	usage: 2,
	/** A bug in Charter itself. */
	internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What every command receives. */
export interface CommandContext {
	/** Directory the command was run from. */
	readonly cwd: string;
	readonly out: Output;
}

/** One `charter <name>` command; each lives in its own file under `commands/`. */
export interface Command {
	readonly name: string;
	/** Full usage text for `charter <name> --help`. */
	readonly usage: string;
	run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** A mistake in how the command was called or configured: printed without a stack, exit 2. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
	constructor(
		message: string,
		readonly code = 'CHARTER_USAGE',
	) {
		super(message);
	}
}
