import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSdl } from '@charter/graphql';
import { wireNames } from '@charter/spec';
import { projectFiles } from 'create-charter';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { linkedTempFolder } from '../../../test-support/temp-folder.ts';
import { typeCheck, writeModules } from '../../../test-support/type-check.ts';
import { commands } from '../src/commands/index.ts';
import { loadProject } from '../src/project/load-project.ts';

/*
 * Every code block of every guide is compiled or checked here: TypeScript is type-checked as a
 * module at the example project's root; JSON is parsed; GraphQL is validated against the
 * example's schema; shell commands must name real `charter` commands and flags and real
 * routes; a block marked `file=PATH` must be that file's text (which its own test runs).
 * `text` blocks are printed output, not code.
 */

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const GUIDES = join(REPO, 'docs/guides');
const EXAMPLE = join(REPO, 'examples/workflow-system');

interface Block {
	readonly guide: string;
	readonly line: number;
	readonly language: string;
	readonly file?: string;
	readonly text: string;
}

function blocksOf(guide: string): Block[] {
	const lines = readFileSync(join(GUIDES, guide), 'utf8').split('\n');
	const blocks: Block[] = [];
	for (let i = 0; i < lines.length; i++) {
		const open = /^(```+|~~~+)(.*)$/.exec(lines[i]!);
		if (!open) continue;
		const [language = '', ...rest] = open[2]!.trim().split(/\s+/);
		const file = rest.find((word) => word.startsWith('file='))?.slice(5);
		const start = i;
		const body: string[] = [];
		for (i++; i < lines.length && !lines[i]!.startsWith(open[1]!); i++) body.push(lines[i]!);
		blocks.push({
			guide,
			line: start + 1,
			language,
			...(file ? { file } : {}),
			text: body.join('\n'),
		});
	}
	return blocks;
}

const manifest = JSON.parse(readFileSync(join(GUIDES, 'guides.json'), 'utf8')) as {
	sections: { pages: string[] }[];
};
const blocks = manifest.sections.flatMap((s) => s.pages).flatMap(blocksOf);
const at = (b: Block) => `${b.guide}:${b.line}`;
const CHECKED = new Set(['ts', 'json', 'graphql', 'sh', 'text', 'yaml']);

/** Splits a shell block into commands: continuation lines joined, comments dropped. */
function shellCommands(text: string): string[][] {
	return text
		.replace(/\\\n\s*/g, ' ')
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter(Boolean)
		.map((line) => line.match(/'[^']*'|"[^"]*"|\S+/g) ?? []);
}

describe('the guides', () => {
	const folders: { remove(): void }[] = [];
	afterAll(() => {
		for (const folder of folders) folder.remove();
	});

	it('mark every code block with a language this test checks', () => {
		expect(blocks.length).toBeGreaterThan(20);
		expect(blocks.filter((b) => !CHECKED.has(b.language)).map(at)).toEqual([]);
	});

	it('show files as they are, where a block names its file', () => {
		for (const block of blocks.filter((b) => b.file)) {
			expect(readFileSync(join(REPO, block.file!), 'utf8'), at(block)).toContain(block.text.trim());
		}
	});

	it('have TypeScript blocks that compile, each as a module at the example project root', () => {
		const ts = blocks.filter((b) => b.language === 'ts' && !b.file);
		expect(ts.length).toBeGreaterThan(8);
		const folder = writeModules(
			EXAMPLE,
			ts.map((b) => `${b.text}\nexport {};\n`),
		);
		folders.push(folder);
		const errors = typeCheck(folder.files).map((error) => {
			const index = folder.files.findIndex((f) => error.startsWith(f));
			return index < 0
				? error
				: `${at(ts[index]!)} (block line ${error.slice(folder.files[index]!.length + 1)}`;
		});
		expect(errors).toEqual([]);
	}, 120_000);

	it('have JSON blocks that parse', () => {
		for (const block of blocks.filter((b) => b.language === 'json'))
			expect(() => JSON.parse(block.text), at(block)).not.toThrow();
	});

	it("have GraphQL blocks that are valid against the example's schema", async () => {
		const project = await loadProject(EXAMPLE);
		const schema = buildSchema(generateSdl(project.registry));
		for (const block of blocks.filter((b) => b.language === 'graphql')) {
			expect(
				validate(schema, parse(block.text)).map((e) => e.message),
				at(block),
			).toEqual([]);
		}
	});

	it('have shell commands that name real charter commands and flags, and real routes', async () => {
		const usages = new Map<string, string>();
		for (const entry of commands) usages.set(entry.name, (await entry.load()).usage);
		// The getting-started guide calls the sample project a new project starts with (the
		// template `charter init` writes); the other guides call the example.
		const folder = linkedTempFolder('charter-template-');
		const sample = folder.dir;
		let projects: Awaited<ReturnType<typeof loadProject>>[];
		try {
			for (const file of projectFiles({
				name: 'my-app',
				charterVersion: '0.0.0',
				moduleKind: 'module',
			})) {
				mkdirSync(dirname(join(sample, file.path)), { recursive: true });
				writeFileSync(join(sample, file.path), file.text);
			}
			projects = [await loadProject(EXAMPLE), await loadProject(sample)];
		} finally {
			folder.remove();
		}
		const routes = new Set(
			projects.flatMap((p) => p.registry.operations().map(({ spec }) => wireNames(spec).rest.path)),
		);
		expect(routes).toContain('/v1/hello/greeting/get');
		// The adoption guide's calls are the requests its own test sends.
		const adoptionTest = readFileSync(
			join(REPO, 'packages/openapi-import/test/guide-example/guide-example.test.ts'),
			'utf8',
		);
		const problems: string[] = [];
		for (const block of blocks.filter((b) => b.language === 'sh')) {
			for (const words of shellCommands(block.text)) {
				const args = words.filter((w) => !/^[A-Z_]+=/.test(w));
				const [program, ...rest] = args;
				// `node build/server.mjs [options]` is the server `charter build` writes: serve's options.
				const charter =
					program === 'npx' && rest[0] === 'charter'
						? rest.slice(1)
						: program === 'charter'
							? rest
							: program === 'node' && rest[0]?.endsWith('/server.mjs')
								? ['serve', ...rest.slice(1)]
								: undefined;
				if (charter) {
					const usage = usages.get(charter[0]!);
					if (!usage) problems.push(`${at(block)}: no command charter ${charter[0]}`);
					for (const flag of charter.filter((w) => w.startsWith('--'))) {
						if (!usage?.includes(flag.split('=')[0]!))
							problems.push(`${at(block)}: charter ${charter[0]} has no ${flag}`);
					}
				} else if (program === 'curl') {
					const target = rest.find((w) => /^'?(https?:\/\/)?(localhost|127\.0\.0\.1)[:/]/.test(w));
					const url = target
						? new URL(target.replace(/^'|'$/g, '').replace(/^(?!https?:)/, 'http://'))
						: undefined;
					const ok =
						url !== undefined &&
						(block.guide.startsWith('adoption/')
							? adoptionTest.includes(`\${base}${url.pathname}${url.search}`)
							: routes.has(url.pathname));
					if (!ok) problems.push(`${at(block)}: no route for ${target}`);
				} else if (!['npm', 'cd'].includes(program ?? '')) {
					problems.push(`${at(block)}: ${program} is not a command this test knows`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
