import { resolve } from 'node:path';
import {
	askOnTerminal,
	describe,
	ScaffoldError,
	type ScaffoldResult,
	scaffold,
} from 'create-charter';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { VERSION } from '../version.ts';

/** `charter init`: makes a folder a Charter project (the same scaffold as `npm create charter`). */
export const initCommand: Command = {
	name: 'init',
	usage: [
		'charter init [dir] [--force] [--json]',
		'',
		'Writes charter.config.ts, tsconfig.json, src/hello/hello.operations.ts, src/handlers.ts and',
		'.gitignore into dir (the current folder by default). A folder with a package.json keeps it:',
		"Charter's dependencies and scripts are added (a script name already in use gets",
		'charter:<name>), and a package without "type": "module" (CommonJS) gets charter.config.mts',
		'and .mts modules. A file that differs from the template is overwritten only after a yes on',
		'the terminal, or with --force; otherwise nothing is written.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['force', 'json'] });
		const [dirArg, ...extra] = flags.positional;
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const dir = resolve(cwd, dirArg ?? '.');
		const ask = flags.boolean.json ? undefined : askOnTerminal();
		let result: ScaffoldResult;
		try {
			result = await scaffold(dir, {
				charterVersion: VERSION,
				force: flags.boolean.force === true,
				...(ask ? { ask } : {}),
			});
		} catch (error) {
			if (error instanceof ScaffoldError) throw new UsageError(error.message, error.code);
			throw error;
		}
		if (flags.boolean.json) {
			out.json(result);
			return ExitCode.ok;
		}
		for (const line of describe(result)) out.line(line);
		out.line('\nNext:');
		if (dir !== resolve(cwd)) out.line(`  cd ${dirArg}`);
		out.line('  npm install');
		out.line('  npx charter check       # the governance rules');
		out.line('  npx charter test        # the examples against the handlers');
		out.line('  npx charter serve       # every surface on http://127.0.0.1:3000');
		return ExitCode.ok;
	},
};
