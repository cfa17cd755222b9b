import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { ScaffoldError, type ScaffoldResult, scaffold } from './scaffold.ts';
import { askOnTerminal, question } from './terminal.ts';

/**
 * The version of create-charter, which is also the version of Charter's packages. Found by
 * package name: a path relative to this file would name another package.json once bundled.
 */
export const VERSION = (
	createRequire(import.meta.url)('create-charter/package.json') as { version: string }
).version;

const USAGE = `npm create charter@latest [folder] [-- --force] [-- --no-install]

Creates a Charter project in folder (asked for on a terminal; my-charter-app otherwise). A folder
that already has a package.json keeps it: Charter's dependencies and scripts are added (a
script name already in use gets charter:<name>), and a package without "type": "module" gets
.mts files. A file of the folder that differs from the template is overwritten only after a yes
on the terminal, or with --force. Then installs the dependencies (--no-install skips it).`;

/** `create-charter [folder] [--force] [--no-install]`; gives the exit code. */
export async function main(args: readonly string[], cwd = process.cwd()): Promise<number> {
	const flags = new Set(args.filter((arg) => arg.startsWith('-')));
	const positional = args.filter((arg) => !arg.startsWith('-'));
	const unknown = [...flags].filter(
		(f) => !['--force', '--no-install', '--help', '-h'].includes(f),
	);
	if (flags.has('--help') || flags.has('-h')) {
		console.log(USAGE);
		return 0;
	}
	if (unknown.length > 0 || positional.length > 1) {
		console.error(`unexpected argument ${unknown[0] ?? positional[1]}\n\n${USAGE}`);
		return 2;
	}
	const folder =
		positional[0] ??
		(process.stdin.isTTY
			? (await question('Project folder (my-charter-app): ')).trim() || 'my-charter-app'
			: 'my-charter-app');
	const dir = resolve(cwd, folder);
	let result: ScaffoldResult;
	try {
		const ask = askOnTerminal();
		result = await scaffold(dir, {
			charterVersion: VERSION,
			force: flags.has('--force'),
			...(ask ? { ask } : {}),
		});
	} catch (error) {
		if (!(error instanceof ScaffoldError)) throw error;
		console.error(`error ${error.message} [${error.code}]`);
		return 2;
	}
	console.log(describe(result).join('\n'));
	const into = relative(cwd, dir);
	const pm = packageManager();
	if (!flags.has('--no-install')) {
		console.log(`\n${pm} install`);
		const install = spawnSync(pm, ['install'], {
			cwd: dir,
			stdio: 'inherit',
			shell: process.platform === 'win32',
		});
		if (install.status !== 0) {
			console.error(`\n${pm} install failed; run it again in ${dir}`);
			return 1;
		}
	}
	console.log('\nNext:');
	if (into) console.log(`  cd ${into}`);
	if (flags.has('--no-install')) console.log(`  ${pm} install`);
	const run = (script: string) =>
		result.renamedScripts.includes(script) ? `charter:${script}` : script;
	console.log(
		`  ${pm} ${run('start') === 'start' ? 'start' : `run ${run('start')}`}    # REST, GraphQL, MCP and docs on http://127.0.0.1:3000`,
	);
	console.log(
		`  ${pm} ${run('test') === 'test' ? 'test' : `run ${run('test')}`}     # the contracts' examples against the handlers`,
	);
	console.log('  npx charter check  # the governance rules');
	return 0;
}

/** What was written, one line a file, as `charter init` prints it too. */
export function describe(result: ScaffoldResult): string[] {
	const lines = [
		`✓ Charter project in ${result.dir}${result.moduleKind === 'commonjs' ? ' (CommonJS package: .mts files)' : ''}`,
	];
	for (const path of result.created) lines.push(`  ${path}`);
	for (const path of result.updated) lines.push(`  ${path} (updated)`);
	for (const path of result.overwritten) lines.push(`  ${path} (overwritten)`);
	for (const path of result.kept) lines.push(`  ${path} (kept yours)`);
	for (const script of result.renamedScripts)
		lines.push(`  your "${script}" script stays; Charter's is "charter:${script}"`);
	return lines;
}

/** The package manager that ran `create` (npm_config_user_agent), npm otherwise. */
function packageManager(): string {
	const agent = process.env.npm_config_user_agent?.split('/')[0];
	return agent === 'pnpm' || agent === 'yarn' || agent === 'bun' ? agent : 'npm';
}
