import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { type DoctorCheck, runDoctorChecks } from '../doctor/doctor-checks.ts';

/** `charter doctor`: checks the environment and the project, as a checklist. */
export const doctorCommand: Command = {
	name: 'doctor',
	usage: [
		'charter doctor [--json] [--config FILE]',
		'',
		'Exits 1 when a check fails; warnings (no lockfile yet, no modules) do not fail.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['config'] });
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const checks = await runDoctorChecks(cwd, flags.string.config);
		const ok = checks.every((c) => c.status !== 'fail');
		if (flags.boolean.json) {
			out.json({ ok, checks });
		} else {
			for (const check of checks) out.line(formatCheck(out.style, check));
			out.line(ok ? '\nAll good.' : '\nSome checks failed.');
		}
		return ok ? ExitCode.ok : ExitCode.findings;
	},
};

function formatCheck(
	style: {
		green(t: string): string;
		yellow(t: string): string;
		red(t: string): string;
		dim(t: string): string;
	},
	check: DoctorCheck,
): string {
	const mark = {
		pass: style.green('✓'),
		warn: style.yellow('!'),
		fail: style.red('✗'),
		skip: style.dim('-'),
	}[check.status];
	return `${mark} ${check.message}${check.hint ? style.dim(`  (${check.hint})`) : ''}`;
}
