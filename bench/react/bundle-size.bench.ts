import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import type { BenchReport } from '../bench-report.ts';

/*
 * The browser bundle size of @charter/react: its entry bundled by esbuild for the browser,
 * minified, gzipped at level 9, with React and TanStack Query left out (an app has them
 * already). Four cuts show where the bytes come from: the package's own code; plus what it
 * brings (graphql-sse, the typed client), its peers left out; plus react-hook-form (a peer
 * too, so forms share the app's copy, but counted by the measure); plus Charter's
 * schema and spec with Ajv, which the contracts and the form resolver need (reference).
 */

const ENTRY = fileURLToPath(new URL('../../packages/react/src/index.ts', import.meta.url));
const BUDGET_KB = 15;
const ALWAYS_EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/*'];

interface Cut {
	readonly name: string;
	readonly external: readonly string[];
}

const CUTS: readonly Cut[] = [
	{ name: '@charter/react alone', external: ['react-hook-form', 'graphql-sse', '@charter/*'] },
	{
		name: '+ graphql-sse, client (peers out)',
		external: ['react-hook-form', '@charter/schema', '@charter/spec'],
	},
	{ name: '+ react-hook-form', external: ['@charter/schema', '@charter/spec'] },
	{ name: '+ @charter/schema, spec and Ajv', external: [] },
];

async function measureCut(cut: Cut): Promise<{ min: number; gzip: number; node: string[] }> {
	const result = await build({
		entryPoints: [ENTRY],
		bundle: true,
		minify: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		jsx: 'automatic',
		write: false,
		metafile: true,
		logLevel: 'silent',
		external: [...ALWAYS_EXTERNAL, ...cut.external],
		define: { 'process.env.NODE_ENV': '"production"' },
	});
	const code = result.outputFiles[0]!.contents;
	return {
		min: code.length,
		gzip: gzipSync(code, { level: 9 }).length,
		node: nodeImports(result.metafile),
	};
}

/** Imports of Node built-ins left in a browser bundle (there must be none). */
function nodeImports(metafile: Metafile): string[] {
	const found = new Set<string>();
	for (const input of Object.values(metafile.inputs))
		for (const imported of input.imports)
			if (
				imported.path.startsWith('node:') ||
				(imported.external && /^(fs|path|crypto|http|os|url|stream)$/.test(imported.path))
			)
				found.add(imported.path);
	return [...found];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Measures the bundle of each cut and judges the package's bundle against its budget. */
export async function run(): Promise<BenchReport> {
	const budget = BUDGET_KB * 1024;
	const notes: string[] = [];
	const sizes: number[] = [];
	for (const cut of CUTS) {
		const { min, gzip, node } = await measureCut(cut);
		if (node.length > 0)
			throw new Error(`${cut.name}: Node built-ins in the browser bundle: ${node.join(', ')}`);
		sizes.push(gzip);
		notes.push(
			`${cut.name.padEnd(40)} ${kb(min).padStart(9)} min ${kb(gzip).padStart(8)} min+gzip`,
		);
	}
	notes.push(
		'React, react-dom and TanStack Query are external in every cut; no Node built-in in any',
	);
	notes.push(
		'peers of @charter/react: react, @tanstack/react-query, react-hook-form (one copy, shared with the app)',
	);
	return {
		name: 'React bundle size (esbuild, minified, gzip -9)',
		tasks: [],
		ratios: [
			{ name: `${BUDGET_KB} kB / bundle, peers out`, value: budget / sizes[1]!, target: 1 },
			{ name: `${BUDGET_KB} kB / with react-hook-form`, value: budget / sizes[2]!, target: 1 },
			{ name: `${BUDGET_KB} kB / with schema and Ajv`, value: budget / sizes[3]! },
		],
		notes,
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { formatReport } = await import('../bench-report.ts');
	console.log(formatReport(await run()));
}
