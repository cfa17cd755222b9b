import { mkdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode } from '../command.ts';
import { buildProjectSite } from '../generate/project-site.ts';
import { loadApp } from '../host/load-app.ts';
import { externalPackages, packageName } from '../project/build-externals.ts';
import { relativeToRoot } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** The server file `charter build` writes into its output folder. */
export const BUILT_SERVER = 'server.mjs';

const ENTRY = 'charter:server';
/** Gives the build's ES modules the `require` that bundled CommonJS packages call. */
const REQUIRE_BANNER =
	"import { createRequire as __charterRequire } from 'node:module'; const require = __charterRequire(import.meta.url);";

/** The `--conditions` (`-C`) this process resolves packages with. */
function nodeConditions(): string[] {
	const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
	const conditions: string[] = [];
	flags.forEach((flag, i) => {
		const inline = /^(?:--conditions|-C)=(.+)$/.exec(flag)?.[1];
		if (inline) conditions.push(inline);
		else if ((flag === '--conditions' || flag === '-C') && flags[i + 1])
			conditions.push(flags[i + 1]!);
	});
	return conditions;
}

/** `charter build`: the project's config, contracts and handlers in one compiled ES module. */
export const buildCommand: Command = {
	name: 'build',
	usage: [
		'charter build [--out DIR] [--external PKG,...] [--config FILE] [--json]',
		'',
		"Compiles the project's config, contract modules and handlers module (TypeScript) with the",
		'packages they import (Charter, Kysely, ...) into DIR/server.mjs and the chunks it loads on',
		'demand (DIR is build by default), with esbuild. Native addons (better-sqlite3), compilers,',
		'packages not installed and those named by --external stay imports: install the',
		'dependencies where it runs. `node build/server.mjs [serve options]` then serves the',
		'project without a TypeScript compiler and with few files to load: the production start.',
		'Another command runs on the build when named first (`node build/server.mjs mcp`). Guides,',
		'the lockfile and the database stay where the config says, relative to the project folder.',
		'The contracts must load without errors.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['out', 'config', 'external'] });
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
		const conditions = nodeConditions();
		const external = (flags.string.external ?? '').split(',').filter((name) => name !== '');
		const result = await build({
			entryPoints: { server: ENTRY },
			outdir: outDir,
			outExtension: { '.js': '.mjs' },
			chunkNames: 'chunks/[name]-[hash]',
			bundle: true,
			// What loads only on demand (GraphQL, MCP, Studio, the docs site) is split into
			// chunks, read when first needed instead of parsed at start.
			splitting: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			// Packages resolve as they do for this process (`--conditions`).
			...(conditions.length > 0 ? { conditions } : {}),
			// CommonJS packages in the build call require() for Node's modules.
			banner: { js: REQUIRE_BANNER },
			plugins: [
				{
					name: 'charter-entry',
					setup(b) {
						b.onResolve({ filter: /^charter:server$/ }, () => ({
							path: ENTRY,
							namespace: 'charter',
						}));
						b.onLoad({ filter: /.*/, namespace: 'charter' }, () => ({
							contents: source,
							loader: 'ts',
							resolveDir: project.root,
						}));
					},
				},
				externalPackages(external),
			],
			sourcemap: 'linked',
			logLevel: 'silent',
			metafile: true,
		});
		const bytes = result.metafile.outputs[relative(cwd, file).split(sep).join('/')]?.bytes;
		// The packages the build still imports: these must be installed where it runs.
		const imports = [
			...new Set(
				Object.values(result.metafile.outputs).flatMap((output) =>
					output.imports
						.filter((i) => i.external && !isBuiltin(i.path))
						.map((i) => packageName(i.path)),
				),
			),
		].sort();
		if (flags.boolean.json) {
			out.json({ file, modules, bytes, imports });
			return ExitCode.ok;
		}
		out.line(
			`${out.style.green('✓')} ${relative(cwd, file) || file}: ${modules.length} modules${bytes ? `, ${Math.round(bytes / 1024)} KiB` : ''}`,
		);
		out.line(`  imports (install where it runs): ${imports.join(', ') || 'none'}`);
		out.line(`  node ${relative(cwd, file)}   # serves the project without compiling it`);
		return ExitCode.ok;
	},
};
