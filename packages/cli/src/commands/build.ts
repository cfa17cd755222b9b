import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode } from '../command.ts';
import { buildProjectSite } from '../generate/project-site.ts';
import { loadApp } from '../host/load-app.ts';
import { relativeToRoot } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** The server file `charter build` writes into its output folder. */
export const BUILT_SERVER = 'server.mjs';

/** `charter build`: the project's config, contracts and handlers in one compiled ES module. */
export const buildCommand: Command = {
	name: 'build',
	usage: [
		'charter build [--out DIR] [--config FILE] [--json]',
		'',
		"Compiles the project's config, contract modules and handlers module (TypeScript) into one",
		'ES module, DIR/server.mjs (DIR is build by default), with esbuild. Packages (Charter and',
		'the rest of node_modules) stay imports, so install them where it runs. `node',
		'build/server.mjs [serve options]` then serves the project without a TypeScript compiler:',
		'the production start. Another command runs on the build when named first (`node',
		'build/server.mjs mcp`). Guides, the lockfile and the database stay where the config',
		'says, relative to the project folder. The contracts must load without errors.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['out', 'config'] });
		const project = await loadProjectOrFail(cwd, flags.string.config, { bundle: false });
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			out.error('fix the contracts above before building them');
			return ExitCode.findings;
		}
		// The handlers and the docs site must load as `serve` loads them: a missing module or a
		// broken guide is a usage error here, not at the production start.
		await loadApp(project);
		await buildProjectSite(project, { baseUrl: 'http://127.0.0.1:3000' });
		const outDir = resolve(cwd, flags.string.out ?? 'build');
		const entry = relativeToRoot(project.root, project.configFile);
		const modules = [
			entry,
			...project.files,
			...(project.config.handlers ? [project.config.handlers.replace(/^\.\//, '')] : []),
		];
		const root = relative(outDir, project.root).split(sep).join('/') || '.';
		const source = [
			"import { fileURLToPath } from 'node:url';",
			"import { runBuilt } from '@charter/cli/built';",
			...modules.map((file, i) => `import * as m${i} from ${JSON.stringify(`./${file}`)};`),
			'await runBuilt({',
			`\troot: fileURLToPath(new URL(${JSON.stringify(`${root}/`)}, import.meta.url)),`,
			`\tconfigFile: ${JSON.stringify(entry)},`,
			`\tcontracts: ${JSON.stringify(project.files)},`,
			`\tmodules: { ${modules.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} },`,
			'});',
		].join('\n');
		rmSync(outDir, { recursive: true, force: true });
		mkdirSync(outDir, { recursive: true });
		const file = join(outDir, BUILT_SERVER);
		const result = await build({
			stdin: { contents: source, resolveDir: project.root, loader: 'ts', sourcefile: 'server.ts' },
			outfile: file,
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			sourcemap: 'linked',
			logLevel: 'silent',
			metafile: true,
		});
		const bytes = result.metafile.outputs[relative(cwd, file).split(sep).join('/')]?.bytes;
		if (flags.boolean.json) {
			out.json({ file, modules, bytes });
			return ExitCode.ok;
		}
		out.line(
			`${out.style.green('✓')} ${relative(cwd, file) || file}: ${modules.length} modules${bytes ? `, ${Math.round(bytes / 1024)} KiB` : ''}`,
		);
		out.line(`  node ${relative(cwd, file)}   # serves the project without compiling it`);
		return ExitCode.ok;
	},
};
