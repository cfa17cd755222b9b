import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
	createSnapshot,
	parseSnapshot,
	SnapshotFormatError,
	serializeSnapshot,
} from '@charter/spec';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import type { Output } from '../output/output.ts';
import { plural } from '../output/plural.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';
import {
	compareSnapshots,
	isUnchanged,
	type SnapshotChanges,
} from '../snapshot/snapshot-compare.ts';

/** Outcome of `charter snapshot`, also its `--json` `status`. */
type SnapshotStatus = 'written' | 'unchanged' | 'fresh' | 'stale' | 'missing' | 'blocked';

/** `charter snapshot`: writes the lockfile of every contract, or checks that it is current. */
export const snapshotCommand: Command = {
	name: 'snapshot',
	usage: [
		'charter snapshot [--out FILE] [--check] [--json] [--config FILE]',
		'',
		'Writes the IR and JSON Schemas of every contract to the lockfile (config `lockfile`,',
		'contracts.lock.json by default). Output is byte-identical for identical contracts.',
		'--check writes nothing and exits 1 when the lockfile is missing or stale.',
		'Nothing is written while a contract module fails to load.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['check', 'json'], string: ['out', 'config'] });
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const lockPath = flags.string.out
			? resolve(cwd, flags.string.out)
			: resolve(project.root, project.config.lockfile);
		const lockfile = relative(cwd, lockPath) || lockPath;
		const json = flags.boolean.json === true;
		const report = (status: SnapshotStatus, extra: Record<string, unknown> = {}) => {
			if (json) {
				out.json({
					lockfile,
					status,
					contracts: project.registry.size,
					...extra,
					diagnostics: project.diagnostics,
				});
			}
		};
		const errors = project.diagnostics.filter((d) => d.severity === 'error');
		if (errors.length > 0) {
			report('blocked');
			reportDiagnostics(out, project.diagnostics);
			out.error(
				`${lockfile} not ${flags.boolean.check ? 'checked' : 'written'}: fix the errors above first`,
			);
			return ExitCode.findings;
		}
		const text = serializeSnapshot(createSnapshot(project.registry));
		const existing = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;

		if (flags.boolean.check) {
			if (existing === undefined) {
				report('missing');
				if (!json)
					out.line(`${out.style.red('✗')} ${lockfile} is missing: run \`charter snapshot\``);
				return ExitCode.findings;
			}
			if (existing === text) {
				report('fresh');
				if (!json)
					out.line(
						`${out.style.green('✓')} ${lockfile} is up to date (${plural(project.registry.size, 'contract')})`,
					);
				return ExitCode.ok;
			}
			const diff = describeDifference(existing, text, lockfile);
			report('stale', diff);
			if (!json) {
				out.line(`${out.style.red('✗')} ${lockfile} is stale: run \`charter snapshot\``);
				printDifference(out, diff);
			}
			return ExitCode.findings;
		}

		if (existing === text) {
			report('unchanged');
			if (!json)
				out.line(
					`${lockfile} is already up to date (${plural(project.registry.size, 'contract')})`,
				);
			return ExitCode.ok;
		}
		const diff = existing === undefined ? undefined : describeDifference(existing, text, lockfile);
		mkdirSync(dirname(lockPath), { recursive: true });
		writeFileSync(lockPath, text);
		report('written', diff ?? {});
		if (!json) {
			out.line(
				`${out.style.green('✓')} wrote ${lockfile} (${plural(project.registry.size, 'contract')})`,
			);
			if (diff) printDifference(out, diff);
		}
		return ExitCode.ok;
	},
};

type Difference = { changes: SnapshotChanges } | { reason: string };

/** Says how the lockfile differs: per contract, or why it cannot be compared. */
function describeDifference(existing: string, text: string, lockfile: string): Difference {
	try {
		const changes = compareSnapshots(parseSnapshot(existing, lockfile), parseSnapshot(text));
		if (isUnchanged(changes)) return { reason: 'same contracts, different formatting' };
		return { changes };
	} catch (error) {
		if (error instanceof SnapshotFormatError && error.code === 'CHARTER_LOCK_TOO_NEW') {
			throw new UsageError(error.message, error.code);
		}
		if (error instanceof SnapshotFormatError) return { reason: error.message };
		throw error;
	}
}

function printDifference(out: Output, diff: Difference): void {
	if ('reason' in diff) {
		out.line(`  ${diff.reason}`);
		return;
	}
	const { added, removed, changed } = diff.changes;
	for (const id of added) out.line(`  ${out.style.green('+')} ${id} added`);
	for (const id of removed) out.line(`  ${out.style.red('-')} ${id} removed`);
	for (const id of changed) out.line(`  ${out.style.yellow('~')} ${id} changed`);
}
