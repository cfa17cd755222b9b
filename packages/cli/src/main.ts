import { ExitCode, UsageError } from './command.ts';
import { commands } from './commands/index.ts';
import { createOutput, type Output } from './output/output.ts';
import { VERSION } from './version.ts';

/** Runs the `charter` command line and gives the exit code. */
export async function main(
	argv: readonly string[],
	out: Output = createOutput(),
	cwd = process.cwd(),
): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		printHelp(out);
		return ExitCode.ok;
	}
	if (name === '--version' || name === '-v') {
		out.line(VERSION);
		return ExitCode.ok;
	}
	const entry = commands.find((c) => c.name === name);
	if (!entry) {
		out.error(`${out.style.red('error')} unknown command "${name}"; run \`charter --help\``);
		return ExitCode.usage;
	}
	try {
		const command = await entry.load();
		if (rest.includes('--help') || rest.includes('-h')) {
			out.line(`${entry.summary}\n\nUsage: ${command.usage}`);
			return ExitCode.ok;
		}
		return await command.run(rest, { cwd, out });
	} catch (error) {
		if (error instanceof UsageError) {
			out.error(`${out.style.red('error')} ${error.message} ${out.style.dim(`[${error.code}]`)}`);
			return ExitCode.usage;
		}
		out.error(`${out.style.red('internal error')} ${(error as Error)?.stack ?? String(error)}`);
		out.error('This is a bug in Charter; please report it with the command you ran.');
		return ExitCode.internal;
	}
}

function printHelp(out: Output): void {
	out.line(`${out.style.bold('charter')} ${VERSION}: contracts in, every surface out\n`);
	out.line('Usage: charter <command> [options]\n');
	out.line('Commands:');
	const width = Math.max(...commands.map((c) => c.name.length));
	for (const command of commands) out.line(`  ${command.name.padEnd(width)}  ${command.summary}`);
	out.line("\nOptions: --help, --version. Run `charter <command> --help` for a command's options.");
	out.line('Exit codes: 0 success, 1 findings, 2 usage or config error, 3 internal error.');
}
