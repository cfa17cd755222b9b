import { suggestVersions } from '@charter/governance';
import { createSnapshot } from '@charter/spec';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { diffWithWaivers, loadBase } from '../governance/diff-support.ts';
import { hasLoadErrors } from '../governance/governance-support.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** `charter version suggest`: the minimum version bump each contract's changes need. */
export const versionCommand: Command = {
	name: 'version',
	usage: [
		'charter version suggest [--base LOCKFILE|GIT_REF] [--json] [--config FILE]',
		'',
		'Compares with the base (the project lockfile by default) and prints, per contract, the',
		'minimum bump: major for a breaking change, minor for a dangerous or safe one, patch for',
		'metadata only. A breaking change a waiver accepts needs a minor bump; every waiver used is',
		'listed. Exits 1 when a contract is not bumped enough yet or a waiver has expired.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['base', 'config'] });
		const [sub, extra] = flags.positional;
		if (sub !== 'suggest') throw new UsageError('usage: charter version suggest [--base REF]');
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const base = loadBase(project, cwd, flags.string.base);
		if (hasLoadErrors(project)) {
			reportDiagnostics(out, project.diagnostics);
			out.error('not compared: fix the contracts that failed to load first');
			return ExitCode.findings;
		}
		const { diff, waivers } = diffWithWaivers(
			project,
			base.snapshot,
			createSnapshot(project.registry, { schemas: false }),
		);
		const suggestions = suggestVersions(diff);
		const pending = suggestions.filter((s) => !s.satisfied);
		// An expired waiver accepts nothing: it fails the run as it fails `charter ci`.
		const failed = pending.length > 0 || waivers.expired.length > 0;
		if (flags.boolean.json) {
			out.json({
				base: base.label,
				suggestions,
				waivers: { used: waivers.used, expired: waivers.expired },
			});
			return failed ? ExitCode.findings : ExitCode.ok;
		}
		const { style } = out;
		for (const s of suggestions) {
			if (!s.baseVersion) {
				out.line(`${style.green('new')}      ${style.bold(s.key)}@${s.version}`);
			} else if (!s.version) {
				out.line(`${style.red('removed')}  ${style.bold(s.key)}@${s.baseVersion}`);
			} else if (s.bump !== 'none') {
				const state = s.satisfied ? style.green('ok') : style.red(`needs ${s.suggested}`);
				out.line(
					`${s.bump.padEnd(8)} ${style.bold(s.key)} ${s.baseVersion} -> ${s.version} ${style.dim(`(minimum ${s.suggested})`)} ${state}`,
				);
			}
		}
		const changed = suggestions.filter((s) => s.bump !== 'none' || !s.baseVersion || !s.version);
		if (changed.length === 0) out.line(style.dim(`no changes against ${base.label}`));
		for (const w of waivers.used) {
			out.line(
				`${style.cyan('waived')}   ${w.change} ${style.dim(`(${w.reason}; approved by ${w.approvedBy}, until ${w.expires})`)}`,
			);
		}
		for (const w of waivers.expired) {
			out.line(`${style.red('expired')}  waiver ${w.change} expired on ${w.expires}`);
		}
		return failed ? ExitCode.findings : ExitCode.ok;
	},
};
