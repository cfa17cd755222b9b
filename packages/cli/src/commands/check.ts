import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { checkProject, failOnOf, formatOf, printReport } from '../governance/governance-support.ts';
import { loadProjectOrFail } from '../project/project-command.ts';

/** `charter check`: lints every contract against the rules, with the project's overrides. */
export const checkCommand: Command = {
	name: 'check',
	usage: [
		'charter check [--format text|json|sarif|markdown|github] [--fail-on breaking|warning|never] [--config FILE]',
		'',
		'Rules have stable ids and default severities; override them in charter.config.ts',
		"`rules: { 'description-required': 'error', 'goal-required': 'off' }`.",
		'Exits 1 when an error is found (or a warning, with --fail-on warning).',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { string: ['format', 'fail-on', 'config'] });
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const format = formatOf(flags.string.format);
		const failOn = failOnOf(flags.string['fail-on']);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const report = printReport(
			out,
			{ check: { findings: checkProject(project) } },
			format,
			failOn,
			project,
		);
		return report.status === 'fail' ? ExitCode.findings : ExitCode.ok;
	},
};
