import { checkDrift, type DriftResult } from '@charter/governance';
import { ExitCode } from '../command.ts';
import type { Output } from '../output/output.ts';
import type { Project } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';
import { type Generator, generators } from './generator-table.ts';

/**
 * Whether a generator's output is kept in git: the lockfile always, the others when the
 * config's `committed` names them. Only these are compared with the disk without a target.
 */
export function isCommitted(project: Project, generator: Generator): boolean {
	return (
		generator.name === 'lockfile' ||
		(project.config.committed as readonly string[]).includes(generator.name)
	);
}

/**
 * Regenerates the committed artifacts (those `only` keeps) in memory and compares them with
 * the disk; writes nothing.
 */
export async function checkGenerated(
	project: Project,
	only: (generator: Generator) => boolean = () => true,
): Promise<DriftResult> {
	const artifacts = new Map<string, string>();
	for (const generator of generators.filter((g) => isCommitted(project, g) && only(g))) {
		for (const [path, content] of await generator.files(project)) artifacts.set(path, content);
	}
	return checkDrift(artifacts, project.root);
}

/**
 * `charter generate --check` without a target: regenerates the lockfile and every committed
 * artifact in memory, lists the drifted files, writes nothing, exits 1 on drift.
 */
export async function checkAllGenerated(
	flags: {
		readonly boolean: Record<string, boolean>;
		readonly string: Record<string, string | undefined>;
	},
	cwd: string,
	out: Output,
): Promise<number> {
	const project = await loadProjectOrFail(cwd, flags.string.config);
	if (project.diagnostics.some((d) => d.severity === 'error')) {
		reportDiagnostics(out, project.diagnostics);
		out.error('not checked: fix the contracts that failed to load first');
		return ExitCode.findings;
	}
	const result = await checkGenerated(project);
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
