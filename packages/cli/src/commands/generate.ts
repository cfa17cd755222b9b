import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeSite } from '@charter/docs';
import { checkDrift } from '@charter/governance';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { checkAllGenerated } from '../generate/generate-check.ts';
import { type Generator, generators } from '../generate/generator-table.ts';
import { buildProjectSite } from '../generate/project-site.ts';
import type { Output } from '../output/output.ts';
import type { Project } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

const TARGETS = generators.filter((g) => g.name !== 'lockfile');

/**
 * `charter generate [target...]`: writes artifacts derived from the contracts (OpenAPI, SDL,
 * a typed client, the docs site) into the config's `outDir`; `--check` only compares.
 */
export const generateCommand: Command = {
	name: 'generate',
	usage: [
		`charter generate [${TARGETS.map((g) => g.name).join('|')}...] [--out DIR] [--json] [--config FILE]`,
		'charter generate [target...] --check [--json]   (writes nothing; exit 1 on drift)',
		'',
		...TARGETS.map((g) => `  ${g.name.padEnd(8)} ${g.summary}`),
		'',
		"Without a target, every artifact is written into the config's outDir (`generated` by",
		'default). --out DIR replaces the folder of a single target. Output is byte-identical for',
		'identical contracts; the docs site also removes pages of contracts that are gone.',
		"--check without a target compares the lockfile and the config's `committed` artifacts",
		'(openapi and graphql by default); name a target to compare it wherever it is.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['check', 'json'], string: ['out', 'config'] });
		if (flags.positional.length === 0 && flags.boolean.check)
			return checkAllGenerated(flags, cwd, out);
		const chosen = pickTargets(flags.positional);
		if (flags.string.out && chosen.length !== 1)
			throw new UsageError('--out needs exactly one target');
		const project = await loadProjectOrFail(cwd, flags.string.config);
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			out.error('nothing generated: fix the contracts that failed to load first');
			return ExitCode.findings;
		}
		const folderOf = (generator: Generator) =>
			flags.string.out
				? resolve(cwd, flags.string.out)
				: join(project.root, generator.folder(project));
		if (flags.boolean.check)
			return check(
				project,
				chosen.map((g) => [g, folderOf(g)] as const),
				flags.boolean.json,
				out,
			);
		const results = [];
		for (const generator of chosen) {
			const folder = folderOf(generator);
			results.push({
				target: generator.name,
				folder: shown(cwd, folder),
				...(await write(project, generator, folder)),
			});
		}
		if (flags.boolean.json) out.json({ generated: results });
		else {
			for (const r of results) {
				const removed = r.removed.length > 0 ? `, removed ${r.removed.length} stale` : '';
				out.line(
					`${out.style.green(r.target.padEnd(8))} wrote ${r.written} file(s) to ${r.folder}${removed}`,
				);
			}
		}
		reportDiagnostics(out, project.diagnostics);
		return ExitCode.ok;
	},
};

function pickTargets(names: readonly string[]): Generator[] {
	if (names.length === 0) return [...TARGETS];
	return names.map((name) => {
		const generator = TARGETS.find((g) => g.name === name);
		if (!generator)
			throw new UsageError(
				`unknown target "${name}"; known targets: ${TARGETS.map((g) => g.name).join(', ')}`,
			);
		return generator;
	});
}

/** A generator's files, keyed by their path in `folder` (absolute). */
async function filesIn(
	project: Project,
	generator: Generator,
	folder: string,
): Promise<Map<string, string>> {
	const base = join(project.root, generator.folder(project));
	const files = await generator.files(project);
	return new Map(
		[...files].map(([path, content]) => [
			join(folder, relative(base, join(project.root, path))),
			content,
		]),
	);
}

async function write(
	project: Project,
	generator: Generator,
	folder: string,
): Promise<{ written: number; removed: string[] }> {
	if (generator.name === 'docs') {
		const result = writeSite(folder, await buildProjectSite(project));
		return { written: result.written, removed: [...result.removed] };
	}
	const files = await filesIn(project, generator, folder);
	for (const [target, content] of files) {
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
	}
	return { written: files.size, removed: [] };
}

async function check(
	project: Project,
	targets: readonly (readonly [Generator, string])[],
	json: boolean | undefined,
	out: Output,
): Promise<number> {
	const artifacts = new Map<string, string>();
	for (const [generator, folder] of targets) {
		for (const [path, content] of await filesIn(project, generator, folder)) {
			artifacts.set(relative(project.root, path), content);
		}
	}
	const result = checkDrift(artifacts, project.root);
	if (json) out.json({ status: result.drifted.length > 0 ? 'drift' : 'fresh', ...result });
	else {
		for (const d of result.drifted)
			out.line(
				`${out.style.red('drift')} ${d.path} ${d.status === 'missing' ? 'is missing' : `differs from line ${d.line}`}`,
			);
		out.line(
			result.drifted.length > 0
				? `${result.drifted.length} of ${result.checked} generated file(s) drifted: run \`charter generate ${targets.map(([g]) => g.name).join(' ')}\``
				: `${out.style.green('ok')} ${result.checked} generated file(s) up to date`,
		);
	}
	return result.drifted.length > 0 ? ExitCode.findings : ExitCode.ok;
}

function shown(cwd: string, folder: string): string {
	const near = relative(cwd, folder);
	return near === '' ? '.' : near.startsWith('..') ? folder : near;
}
