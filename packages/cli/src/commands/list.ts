import { wireNames } from '@charter/spec';
import { parseFlags } from '../args.ts';
import type { Command } from '../command.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** `charter list`: every contract of the project, one line each, or JSON. */
export const listCommand: Command = {
	name: 'list',
	usage: 'charter list [--json] [--config FILE]',
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['config'] });
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const entries = project.registry.all();
		if (flags.boolean.json) {
			out.json({
				contracts: entries.map(({ spec, file }) => ({
					kind: spec.kind,
					key: spec.meta.key,
					version: spec.meta.version,
					stability: spec.meta.stability,
					...(file ? { file } : {}),
					...(spec.kind === 'command' || spec.kind === 'query' ? { wire: wireNames(spec) } : {}),
				})),
				diagnostics: project.diagnostics,
			});
			return project.diagnostics.length > 0 ? 1 : 0;
		}
		const { style } = out;
		for (const { spec, file } of entries) {
			out.line(
				`${style.cyan(spec.kind.padEnd(8))} ${style.bold(`${spec.meta.key}@${spec.meta.version}`)} ${style.dim(
					`${spec.meta.stability}${file ? `  ${file}` : ''}`,
				)}`,
			);
		}
		if (entries.length === 0) out.line(style.dim('no contracts found'));
		reportDiagnostics(out, project.diagnostics);
		return project.diagnostics.length > 0 ? 1 : 0;
	},
};
