import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportParts } from '@charter/governance';
import { createSnapshot, serializeSnapshot } from '@charter/spec';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { checkGenerated } from '../generate/generate-check.ts';
import { auditImpact, windowDays } from '../governance/audit-impact.ts';
import { diffWithPolicy, loadBase } from '../governance/diff-support.ts';
import {
	checkProject,
	failOnOf,
	formatOf,
	hasLoadErrors,
	printReport,
} from '../governance/governance-support.ts';
import { loadProjectOrFail } from '../project/project-command.ts';

/** `charter ci`: check, snapshot --check, generate --check and diff in one run and one report. */
export const ciCommand: Command = {
	name: 'ci',
	usage: [
		'charter ci [--base LOCKFILE|GIT_REF] [--format text|json|sarif|markdown|changelog|github] [--fail-on breaking|dangerous|warning|never] [--impact STORE_URL|FILE [--window DAYS]] [--config FILE]',
		'',
		'One run, one report: check findings, lockfile freshness, drift of the generated files the',
		"project commits (the config's `committed`) and the changes against --base (the committed",
		'lockfile by default) with the version policy; --impact adds the traffic of the changed',
		'operations from the audit log (see charter diff).',
		'json follows packages/governance/src/report/report.schema.json (schemaVersion 1);',
		'markdown is made for a pull-request comment; sarif for code scanning.',
		'Exit codes: 0 pass, 1 findings at or above --fail-on (default breaking), 2 usage or',
		'a bad base, 3 internal error.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, {
			string: ['base', 'format', 'fail-on', 'config', 'impact', 'window'],
		});
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const format = formatOf(flags.string.format);
		const failOn = failOnOf(flags.string['fail-on']);
		const days = windowDays(flags.string.window);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const lockPath = resolve(project.root, project.config.lockfile);
		const hasLock = existsSync(lockPath);
		// An explicit base must be readable (exit 2 otherwise); the default one may not exist yet.
		const base =
			flags.string.base !== undefined || hasLock
				? loadBase(project, cwd, flags.string.base)
				: undefined;
		const parts: { -readonly [K in keyof ReportParts]: ReportParts[K] } = {
			check: { findings: checkProject(project) },
		};
		if (!hasLoadErrors(project)) {
			const current = createSnapshot(project.registry);
			const text = serializeSnapshot(current);
			parts.snapshot = {
				lockfile: project.config.lockfile,
				status: !hasLock ? 'missing' : readFileSync(lockPath, 'utf8') === text ? 'fresh' : 'stale',
			};
			parts.drift = await checkGenerated(project, (g) => g.name !== 'lockfile');
			if (base) {
				const diff = diffWithPolicy(project, base, current);
				parts.diff =
					flags.string.impact === undefined
						? diff
						: {
								...diff,
								impact: await auditImpact(project, cwd, flags.string.impact, days, diff.findings),
							};
			}
		}
		const report = printReport(out, parts, format, failOn, project);
		return report.status === 'fail' ? ExitCode.findings : ExitCode.ok;
	},
};
