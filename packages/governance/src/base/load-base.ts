import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseSnapshot, type Snapshot, SnapshotFormatError } from '@charter/spec';
import { GovernanceError } from '../errors.ts';

/** Where the base snapshot was read from. */
export interface BaseSnapshot {
	readonly snapshot: Snapshot;
	/** `file` for a lockfile on disk, `git` for a lockfile read at a ref. */
	readonly source: 'file' | 'git';
	readonly label: string;
}

/**
 * Reads the base snapshot of a diff: a lockfile path, or a git ref at which the project's
 * lockfile is read with `git show REF:path`. Throws a {@link GovernanceError} with a clear
 * message for a missing ref, a missing lockfile, or a corrupt, foreign or too new lockfile.
 *
 * @example
 * const { snapshot } = loadBaseSnapshot('origin/main', { root, lockfile: 'contracts.lock.json' });
 */
export function loadBaseSnapshot(
	base: string,
	options: { readonly cwd?: string; readonly root: string; readonly lockfile: string },
): BaseSnapshot {
	const asFile = resolve(options.cwd ?? options.root, base);
	if (existsSync(asFile) && statSync(asFile).isFile()) {
		return { snapshot: parse(readFileSync(asFile, 'utf8'), base), source: 'file', label: base };
	}
	const lockfile = resolve(options.root, options.lockfile);
	const top = git(options.root, ['rev-parse', '--show-toplevel']);
	if (top === undefined) {
		throw new GovernanceError(
			'CHARTER_BASE_NOT_FOUND',
			`base "${base}" is not a file, and ${options.root} is not in a git repository to read it as a ref`,
		);
	}
	if (git(options.root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]) === undefined) {
		throw new GovernanceError(
			'CHARTER_BASE_NOT_FOUND',
			`base "${base}" is neither a lockfile nor a git ref that exists (try a branch, tag or commit, e.g. origin/main)`,
		);
	}
	const path = relative(top.trim(), lockfile).split(sep).join('/');
	const text = git(options.root, ['show', `${base}:${path}`]);
	if (text === undefined) {
		throw new GovernanceError(
			'CHARTER_BASE_NO_LOCKFILE',
			`${path} does not exist at ${base}: run \`charter snapshot\` and commit the lockfile first`,
		);
	}
	return { snapshot: parse(text, `${base}:${path}`), source: 'git', label: `${base}:${path}` };
}

function parse(text: string, source: string): Snapshot {
	try {
		return parseSnapshot(text, source);
	} catch (error) {
		if (error instanceof SnapshotFormatError) throw new GovernanceError(error.code, error.message);
		throw error;
	}
}

function git(cwd: string, args: string[]): string | undefined {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 512 * 1024 * 1024,
		});
	} catch {
		return undefined;
	}
}
