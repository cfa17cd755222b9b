import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { projectTemplate } from '../templates/project-template.ts';
import { VERSION } from '../version.ts';

/** `charter init`: scaffolds a project with a config and one sample contract module. */
export const initCommand: Command = {
	name: 'init',
	usage: [
		'charter init [dir] [--force] [--json]',
		'',
		'Writes charter.config.ts, package.json, tsconfig.json, src/hello/hello.operations.ts and src/handlers.ts',
		'into dir (the current folder by default). Existing files are never overwritten without',
		'--force.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['force', 'json'] });
		const [dirArg, ...extra] = flags.positional;
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const dir = resolve(cwd, dirArg ?? '.');
		if (existsSync(dir) && !statSync(dir).isDirectory()) {
			throw new UsageError(`${dir} exists and is not a folder`, 'CHARTER_INIT_NOT_DIR');
		}
		const files = projectTemplate(packageName(basename(dir)), VERSION);
		const taken = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
		if (taken.length > 0 && !flags.boolean.force) {
			throw new UsageError(
				`${dir} already has ${taken.join(', ')}; nothing was written (use --force to overwrite)`,
				'CHARTER_INIT_EXISTS',
			);
		}
		for (const file of files) {
			const path = join(dir, file.path);
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, file.text);
		}
		if (flags.boolean.json) {
			out.json({ dir, files: files.map((f) => f.path), overwritten: taken });
			return ExitCode.ok;
		}
		out.line(`${out.style.green('✓')} created a Charter project in ${dir}`);
		for (const file of files) {
			const note = taken.includes(file.path) ? out.style.yellow(' (overwritten)') : '';
			out.line(`  ${file.path}${note}`);
		}
		const into = relative(cwd, dir);
		out.line('\nNext:');
		if (into) out.line(`  cd ${into}`);
		out.line('  npm install');
		out.line('  npx charter list        # the sample contracts');
		out.line('  npx charter snapshot    # write contracts.lock.json');
		return ExitCode.ok;
	},
};

/** Turns a folder name into a valid npm package name. */
function packageName(folder: string): string {
	const name = folder
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[._-]+|-+$/g, '');
	return name || 'charter-project';
}
