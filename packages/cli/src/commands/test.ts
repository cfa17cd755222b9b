import { parseFlags } from '../args.ts';
import type { Command } from '../command.ts';
import { ExitCode, UsageError } from '../command.ts';
import { loadApp } from '../host/load-app.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';
import { type ExampleStores, runExamples } from '../testing/run-examples.ts';

const STORE_KINDS: readonly ExampleStores[] = ['sqlite', 'memory'];

/** `charter test`: runs every acceptance example through the executor against the handlers. */
export const testCommand: Command = {
	name: 'test',
	usage: 'charter test [--json] [--stores sqlite|memory] [--config FILE]',
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['config', 'stores'] });
		const stores = flags.string.stores;
		if (stores !== undefined && !STORE_KINDS.includes(stores as ExampleStores)) {
			throw new UsageError(
				`--stores must be sqlite (SQLite in memory, the default for an app with migrations) or memory, not "${stores}"`,
			);
		}
		const project = await loadProjectOrFail(cwd, flags.string.config, { bundle: false });
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			return ExitCode.findings;
		}
		const app = await loadApp(project);
		const reports = await runExamples(
			project.registry,
			app,
			stores === undefined ? {} : { stores: stores as ExampleStores },
		);
		const failed = reports.filter((r) => !r.passed);
		if (flags.boolean.json) {
			out.json({
				passed: reports.length - failed.length,
				failed: failed.length,
				examples: reports,
			});
			return failed.length > 0 ? ExitCode.findings : ExitCode.ok;
		}
		const { style } = out;
		for (const report of reports) {
			const mark = report.passed ? style.green('✓') : style.red('✗');
			out.line(`${mark} ${report.operation}@${report.version} ${style.dim('›')} ${report.example}`);
			if (report.reason) out.line(`    ${style.red(report.reason)}`);
			for (const m of report.mismatches ?? []) {
				out.line(
					`    ${style.bold(m.path || '/')}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
				);
			}
		}
		out.line(`\n${reports.length - failed.length} passed, ${failed.length} failed`);
		return failed.length > 0 ? ExitCode.findings : ExitCode.ok;
	},
};
