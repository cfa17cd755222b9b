import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createSnapshot, serializeSnapshot } from '@charter/spec';
import { UsageError } from '../command.ts';
import { plural } from '../output/plural.ts';
import { findConfigFile, loadConfig, loadProject, type Project } from '../project/load-project.ts';

/** One line of the doctor's checklist. `skip` means an earlier failure made it moot. */
export interface DoctorCheck {
	readonly id: string;
	readonly status: 'pass' | 'warn' | 'fail' | 'skip';
	readonly message: string;
	/** What to do about a warning or failure. */
	readonly hint?: string;
}

/** Oldest Node.js Charter supports. */
export const MIN_NODE = '20.11.0';

/** Tells whether a Node version (`v22.3.0` or `22.3.0`) is at least {@link MIN_NODE}. */
export function nodeVersionOk(version: string): boolean {
	const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
	const [minMajor = 0, minMinor = 0] = MIN_NODE.split('.').map(Number);
	return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** Runs every check in order; later checks are skipped when the project cannot be loaded. */
export async function runDoctorChecks(cwd: string, configPath?: string): Promise<DoctorCheck[]> {
	const checks: DoctorCheck[] = [];
	const nodeOk = nodeVersionOk(process.version);
	checks.push({
		id: 'node',
		status: nodeOk ? 'pass' : 'fail',
		message: `Node.js ${process.version} (needs >= ${MIN_NODE})`,
		...(nodeOk ? {} : { hint: `install Node.js ${MIN_NODE} or newer` }),
	});

	let configFile: string;
	try {
		configFile = configPath ? resolve(cwd, configPath) : findConfigFile(cwd);
		if (!existsSync(configFile)) throw new UsageError(`config file ${configFile} does not exist`);
		await loadConfig(configFile);
		checks.push({
			id: 'config',
			status: 'pass',
			message: `config ${relative(cwd, configFile) || configFile}`,
		});
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		checks.push({
			id: 'config',
			status: 'fail',
			message: error.message,
			hint: 'run `charter init` or fix charter.config.ts',
		});
		for (const id of ['modules', 'diagnostics', 'lockfile']) {
			checks.push({ id, status: 'skip', message: 'skipped: no valid config' });
		}
		checks.push(tsconfigCheck(cwd));
		return checks;
	}

	const project = await loadProject(cwd, configFile);
	checks.push(modulesCheck(project));
	const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
	checks.push({
		id: 'diagnostics',
		status: errors > 0 ? 'fail' : project.diagnostics.length > 0 ? 'warn' : 'pass',
		message:
			project.diagnostics.length === 0
				? `${plural(project.registry.size, 'contract')} registered, no load problems`
				: `${plural(project.diagnostics.length, 'load problem')} in the contracts`,
		...(project.diagnostics.length > 0 ? { hint: 'run `charter list` to see them' } : {}),
	});
	checks.push(lockfileCheck(cwd, project, errors > 0));
	checks.push(tsconfigCheck(dirname(configFile)));
	return checks;
}

function modulesCheck(project: Project): DoctorCheck {
	if (project.files.length === 0) {
		return {
			id: 'modules',
			status: 'warn',
			message: `no module matches ${project.config.contracts.join(', ')}`,
			hint: 'write one with `charter new command <key>` or fix `contracts` in the config',
		};
	}
	const failed = project.failedFiles;
	return {
		id: 'modules',
		status: failed.length > 0 ? 'fail' : 'pass',
		message: `${project.files.length - failed.length} of ${plural(project.files.length, 'contract module')} imported`,
		...(failed.length > 0 ? { hint: `fix ${failed.join(', ')}` } : {}),
	};
}

function lockfileCheck(cwd: string, project: Project, blocked: boolean): DoctorCheck {
	const path = resolve(project.root, project.config.lockfile);
	const shown = relative(cwd, path) || path;
	if (!existsSync(path)) {
		return {
			id: 'lockfile',
			status: 'warn',
			message: `${shown} does not exist yet`,
			hint: 'run `charter snapshot` and commit it',
		};
	}
	if (blocked) {
		return { id: 'lockfile', status: 'skip', message: 'skipped: contracts do not load cleanly' };
	}
	const fresh = readFileSync(path, 'utf8') === serializeSnapshot(createSnapshot(project.registry));
	return {
		id: 'lockfile',
		status: fresh ? 'pass' : 'fail',
		message: `${shown} is ${fresh ? 'up to date' : 'stale'}`,
		...(fresh ? {} : { hint: 'run `charter snapshot --check` to see what changed' }),
	};
}

/** Looks for tsconfig.json in the project folder or its parents (a monorepo's root counts). */
function tsconfigCheck(from: string): DoctorCheck {
	let dir = resolve(from);
	for (;;) {
		const candidate = join(dir, 'tsconfig.json');
		if (existsSync(candidate)) {
			return {
				id: 'tsconfig',
				status: 'pass',
				message: `TypeScript config ${relative(from, candidate) || candidate}`,
			};
		}
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	return {
		id: 'tsconfig',
		status: 'fail',
		message: 'no tsconfig.json in the project or its parents',
		hint: 'add one with "strict": true and "moduleResolution": "Bundler" (`charter init` writes one)',
	};
}
