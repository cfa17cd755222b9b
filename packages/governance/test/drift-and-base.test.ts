import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, createSnapshot, serializeSnapshot } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { checkDrift, GovernanceError, loadBaseSnapshot } from '../src/index.ts';
import { command } from './corpus/corpus-case.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'charter-gov-'));
const lock = serializeSnapshot(createSnapshot(createRegistry([command()])));

describe('checkDrift', () => {
	it('lists missing and changed files and writes nothing', () => {
		const root = temp();
		writeFileSync(join(root, 'same.txt'), 'a\nb\n');
		writeFileSync(join(root, 'changed.txt'), 'a\nB\n');
		const result = checkDrift(
			new Map([
				['same.txt', 'a\nb\n'],
				['changed.txt', 'a\nb\n'],
				['gen/missing.json', '{}'],
			]),
			root,
		);
		expect(result).toEqual({
			checked: 3,
			drifted: [
				{ path: 'changed.txt', status: 'changed', line: 2 },
				{ path: 'gen/missing.json', status: 'missing' },
			],
		});
	});

	it('finds no drift when every file matches byte for byte', () => {
		const root = temp();
		writeFileSync(join(root, 'x.txt'), 'x');
		expect(checkDrift(new Map([['x.txt', 'x']]), root).drifted).toEqual([]);
	});
});

describe('loadBaseSnapshot', () => {
	const code = (fn: () => unknown) => {
		try {
			fn();
		} catch (error) {
			expect(error).toBeInstanceOf(GovernanceError);
			return (error as GovernanceError).code;
		}
		throw new Error('expected an error');
	};

	it('reads a lockfile path', () => {
		const root = temp();
		writeFileSync(join(root, 'base.lock.json'), lock);
		const base = loadBaseSnapshot('base.lock.json', { root, lockfile: 'contracts.lock.json' });
		expect(base.source).toBe('file');
		expect(base.snapshot.contracts).toHaveLength(1);
	});

	it('reads the lockfile at a git ref, from a project in a subfolder', () => {
		const repo = temp();
		const root = join(repo, 'app');
		mkdirSync(root);
		const git = (...args: string[]) =>
			execFileSync('git', args, {
				cwd: repo,
				stdio: 'pipe',
				env: {
					...process.env,
					GIT_AUTHOR_NAME: 't',
					GIT_AUTHOR_EMAIL: 't@t',
					GIT_COMMITTER_NAME: 't',
					GIT_COMMITTER_EMAIL: 't@t',
				},
			});
		git('init', '-q');
		writeFileSync(join(root, 'contracts.lock.json'), lock);
		git('add', '.');
		git('commit', '-qm', 'base');
		writeFileSync(join(root, 'contracts.lock.json'), 'changed on disk');
		const base = loadBaseSnapshot('HEAD', { root, lockfile: 'contracts.lock.json' });
		expect(base).toMatchObject({ source: 'git', label: 'HEAD:app/contracts.lock.json' });
		expect(base.snapshot.contracts[0]!.key).toBe('corpus.thing.do');
		expect(
			code(() => loadBaseSnapshot('no-such-branch', { root, lockfile: 'contracts.lock.json' })),
		).toBe('CHARTER_BASE_NOT_FOUND');
		expect(code(() => loadBaseSnapshot('HEAD', { root, lockfile: 'other.lock.json' }))).toBe(
			'CHARTER_BASE_NO_LOCKFILE',
		);
	});

	it('refuses a ref outside a git repository with a clear error', () => {
		expect(
			code(() => loadBaseSnapshot('main', { root: temp(), lockfile: 'contracts.lock.json' })),
		).toBe('CHARTER_BASE_NOT_FOUND');
	});

	it('refuses corrupt, foreign and too new lockfiles', () => {
		const root = temp();
		writeFileSync(join(root, 'corrupt.json'), '{"format": "charter.contracts-lock", ');
		writeFileSync(join(root, 'foreign.json'), '{"openapi": "3.1.0"}');
		writeFileSync(
			join(root, 'new.json'),
			JSON.stringify({ ...JSON.parse(lock), formatVersion: 99 }),
		);
		const opts = { root, lockfile: 'contracts.lock.json' };
		expect(code(() => loadBaseSnapshot('corrupt.json', opts))).toBe('CHARTER_LOCK_CORRUPT');
		expect(code(() => loadBaseSnapshot('foreign.json', opts))).toBe('CHARTER_LOCK_FOREIGN');
		expect(code(() => loadBaseSnapshot('new.json', opts))).toBe('CHARTER_LOCK_TOO_NEW');
	});
});
