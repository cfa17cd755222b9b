import { createSnapshot } from '@charter/spec';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { auditImpact, windowDays } from '../governance/audit-impact.ts';
import { diffWithPolicy, loadBase } from '../governance/diff-support.ts';
import {
	failOnOf,
	formatOf,
	hasLoadErrors,
	printReport,
} from '../governance/governance-support.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** `charter diff`: breaking-change detection against a lockfile or a git ref, with the version policy. */
export const diffCommand: Command = {
	name: 'diff',
	usage: [
		'charter diff [--base LOCKFILE|GIT_REF] [--format text|json|sarif|markdown|changelog|github] [--fail-on breaking|dangerous|warning|never] [--impact STORE_URL|FILE [--window DAYS]] [--config FILE]',
		'',
		'--base: a lockfile path, or a git ref whose lockfile is read with `git show REF:path`;',
		'the project lockfile by default. Each change has a rule id and a severity (breaking,',
		'dangerous, safe, info); input is request data, output, errors and events response data.',
		'--impact: counts, for each operation a breaking or dangerous change touches, the calls of its',
		'base version in the last --window days (30) from the audit log: a store URL (the database',
		'`charter serve` writes) or a file of `charter audit tail --json` lines. Only commands are',
		'audited; a query is reported as unknown, never as unused.',
		'Exits 1 on a breaking change or a version policy error (see --fail-on); 2 on a bad base.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, {
			string: ['base', 'format', 'fail-on', 'config', 'impact', 'window'],
		});
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const format = formatOf(flags.string.format);
		const failOn = failOnOf(flags.string['fail-on']);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const base = loadBase(project, cwd, flags.string.base);
		if (hasLoadErrors(project)) {
			reportDiagnostics(out, project.diagnostics);
			out.error('not compared: fix the contracts that failed to load first');
			return ExitCode.findings;
		}
		const days = windowDays(flags.string.window);
		let diff = diffWithPolicy(project, base, createSnapshot(project.registry, { schemas: false }));
		if (flags.string.impact !== undefined) {
			diff = {
				...diff,
				impact: await auditImpact(project, cwd, flags.string.impact, days, diff.findings),
			};
		}
		const report = printReport(out, { diff }, format, failOn, project);
		return report.status === 'fail' ? ExitCode.findings : ExitCode.ok;
	},
};
