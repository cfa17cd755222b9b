import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSite, type SiteFiles, writeSite } from '@charter/docs';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { checkAllGenerated } from '../generate/generate-check.ts';
import type { Project } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/**
 * Builds the docs site of a loaded project. The page model comes from the registry; the
 * source files are read from disk only to show each contract's definition.
 */
export function buildProjectSite(project: Project): SiteFiles {
	const sources: Record<string, string> = {};
	for (const { file } of project.registry.all()) {
		if (file && !(file in sources)) {
			const path = join(project.root, file);
			if (existsSync(path)) sources[file] = readFileSync(path, 'utf8');
		}
	}
	return buildSite(project.registry, {
		title: project.config.title ?? 'Contracts',
		sources,
		markdown: true,
	});
}

/** Lists the files of a site that differ from, or are missing in, a folder. */
function staleFiles(outDir: string, files: SiteFiles): string[] {
	const stale: string[] = [];
	for (const [path, content] of files) {
		const target = join(outDir, path);
		if (!existsSync(target) || readFileSync(target, 'utf8') !== content) stale.push(path);
	}
	return stale;
}

const TARGETS = ['docs'] as const;

/**
 * `charter generate docs`: writes the static docs site (HTML, Markdown, search index) into
 * `<outDir>/docs`, removing pages of contracts that are gone; `--check` only compares.
 */
export const generateCommand: Command = {
	name: 'generate',
	summary: 'Generate artifacts from the contracts (docs: the static docs site)',
	usage: [
		'charter generate docs [--out DIR] [--check] [--json] [--config FILE]',
		'charter generate --check [--json] [--config FILE]   (every artifact: lockfile, docs, ...)',
		'',
		'docs: writes the docs site (a page per operation, event and model, an index grouped by',
		'feature, an offline search index, Markdown twins) into DIR, `<outDir>/docs` by default.',
		'Pages of contracts that no longer exist are removed. Output is byte-identical for',
		'identical contracts. --check writes nothing and exits 1 when the folder is not current.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['check', 'json'], string: ['out', 'config'] });
		const [target, extra] = flags.positional;
		if (target === undefined && flags.boolean.check) return checkAllGenerated(flags, cwd, out);
		if (target === undefined)
			throw new UsageError(`name a target: charter generate ${TARGETS.join('|')}`);
		if (!TARGETS.includes(target as (typeof TARGETS)[number])) {
			throw new UsageError(`unknown target "${target}"; known targets: ${TARGETS.join(', ')}`);
		}
		if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const outDir = flags.string.out
			? resolve(cwd, flags.string.out)
			: resolve(project.root, project.config.outDir, 'docs');
		const near = relative(cwd, outDir);
		const shown = near === '' ? '.' : near.startsWith('..') ? outDir : near;
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			out.error('docs not generated: fix the contracts that failed to load first');
			return ExitCode.findings;
		}
		const files = buildProjectSite(project);
		if (flags.boolean.check) {
			const stale = staleFiles(outDir, files);
			if (flags.boolean.json)
				out.json({ target, outDir: shown, status: stale.length > 0 ? 'stale' : 'fresh', stale });
			else if (stale.length > 0)
				out.error(
					`${shown} is stale (${stale.length} files differ): run \`charter generate docs\``,
				);
			else out.line(`${shown} is current`);
			return stale.length > 0 ? ExitCode.findings : ExitCode.ok;
		}
		const result = writeSite(outDir, files);
		if (flags.boolean.json) {
			out.json({ target, outDir: shown, written: result.written, removed: result.removed });
		} else {
			out.line(
				`wrote ${result.written} files to ${shown}${result.removed.length > 0 ? `, removed ${result.removed.length} stale` : ''}`,
			);
		}
		reportDiagnostics(out, project.diagnostics);
		return ExitCode.ok;
	},
};
