import { checkDrift, type DriftResult } from '@charter/governance';
import { ExitCode } from '../command.ts';
import type { Output } from '../output/output.ts';
import type { Project } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';
import { type Generator, generators } from './generator-table.ts';

/** Regenerates every artifact in memory and compares it with the disk; writes nothing. */
export async function checkGenerated(
	project: Project,
	only: (generator: Generator) => boolean = () => true,
): Promise<DriftResult> {
	const artifacts = new Map<string, string>();
	for (const generator of generators.filter(only)) {
		for (const [path, content] of await generator.files(project)) artifacts.set(path, content);
	}
	return checkDrift(artifacts, project.root);
}

/**
 * `charter generate --check` without a target: regenerates every artifact of the generator
 * table in memory, lists the drifted files, writes nothing, exits 1 on drift.
 */
export async function checkAllGenerated(
	flags: {
		readonly boolean: Record<string, boolean>;
		readonly string: Record<string, string | undefined>;
	},
	cwd: string,
	out: Output,
	only: (generator: Generator) => boolean = () => true,
): Promise<number> {
	const project = await loadProjectOrFail(cwd, flags.string.config);
	if (project.diagnostics.some((d) => d.severity === 'error')) {
		reportDiagnostics(out, project.diagnostics);
		out.error('not checked: fix the contracts that failed to load first');
		return ExitCode.findings;
	}
	const result = await checkGenerated(project, only);
	if (flags.boolean.json) {
		out.json({ status: result.drifted.length > 0 ? 'drift' : 'fresh', ...result });
	} else {
		for (const d of result.drifted) {
			out.line(
				`${out.style.red('drift')} ${d.path} ${d.status === 'missing' ? 'is missing' : `differs from line ${d.line}`}`,
			);
		}
		out.line(
			result.drifted.length > 0
				? `${result.drifted.length} of ${result.checked} generated file(s) drifted: run \`charter snapshot\` / \`charter generate\``
				: `${out.style.green('ok')} ${result.checked} generated file(s) up to date`,
		);
	}
	return result.drifted.length > 0 ? ExitCode.findings : ExitCode.ok;
}
