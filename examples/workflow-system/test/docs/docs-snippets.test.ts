import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadProject, partialMismatches } from '@charter/cli';
import { buildSite } from '@charter/docs';
import type { AppDefinition } from '@charter/runtime';
import type { Example, OperationSpec } from '@charter/spec';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { typeCheck, writeModules } from '../../../../test-support/type-check.ts';
import { SNIPPET_TOKEN, startSnippetServer } from './snippet-server.ts';

/*
 * Every snippet of every operation page of the example, taken from the generated HTML and run
 * against a live server as a reader would: curl and the MCP call through `sh`, the GraphQL
 * operation and its variables posted to /graphql, the TypeScript module type-checked with tsc
 * and then imported (run) with TOKEN set. Each call starts from the state of the acceptance example the snippet was
 * written from, and must give that example's output (or its error code).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** The text of an element of a generated page, by id: tags dropped, entities decoded. */
function codeText(page: string, id: string): string {
	const match = new RegExp(`<code id="${id}"[^>]*>([\\s\\S]*?)</code>`).exec(page);
	if (!match) throw new Error(`no #${id} on the page`);
	return match[1]!
		.replace(/<[^>]+>/g, '')
		.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e]!);
}

/** The example a page's snippets were written from: the first that succeeds, else the first. */
const exampleOf = (spec: OperationSpec): Example | undefined =>
	spec.acceptance.examples.find((e) => e.error === undefined) ?? spec.acceptance.examples[0];

/** What the example expects of a result: its output as a partial, or its error code. */
function check(
	spec: OperationSpec,
	result: { ok: boolean; value: unknown; code?: string },
): string[] {
	const example = exampleOf(spec);
	if (example?.error !== undefined)
		return result.code === example.error
			? []
			: [`expected ${example.error}, got ${JSON.stringify(result.value)}`];
	if (!result.ok) return [`failed: ${JSON.stringify(result.value)}`];
	if (example?.output === undefined) return [];
	return partialMismatches(example.output, result.value).map(
		(m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
	);
}

type Snippet = 'curl' | 'typescript' | 'graphql' | 'mcp';

describe('the snippets of every operation page', () => {
	let server: Awaited<ReturnType<typeof startSnippetServer>>;
	let pages: { spec: OperationSpec; page: string }[] = [];
	const failures: string[] = [];
	const ran = new Map<Snippet, number>();
	const env = () => ({ ...process.env, TOKEN: SNIPPET_TOKEN });

	beforeAll(async () => {
		const project = await loadProject(ROOT);
		const app = ((await import('../../src/handlers.ts')) as { default: AppDefinition }).default;
		server = await startSnippetServer(project.registry, app);
		const sources: Record<string, string> = {};
		for (const { file } of project.registry.all())
			if (file && existsSync(join(ROOT, file)))
				sources[file] = readFileSync(join(ROOT, file), 'utf8');
		const site = buildSite(project.registry, { sources, baseUrl: server.url });
		pages = project.registry.operations().map(({ spec }) => ({
			spec,
			page: site.get(`operations/${spec.meta.key}@${spec.meta.version}.html`)!,
		}));
	});
	afterAll(async () => {
		await server?.close();
	});

	async function attempt(
		kind: Snippet,
		spec: OperationSpec,
		call: () => Promise<{ ok: boolean; value: unknown; code?: string }>,
	) {
		await server.prepare(exampleOf(spec));
		ran.set(kind, (ran.get(kind) ?? 0) + 1);
		try {
			for (const problem of check(spec, await call()))
				failures.push(`${kind} ${spec.meta.key}: ${problem}`);
		} catch (error) {
			failures.push(`${kind} ${spec.meta.key}: ${(error as Error).message}`);
		}
	}

	const parse = (text: string) => (text.trim() ? JSON.parse(text) : undefined);
	const restResult = (value: unknown) => {
		const code = (value as { code?: unknown } | undefined)?.code;
		const problem =
			typeof code === 'string' && typeof (value as { status?: unknown }).status === 'number';
		return { ok: !problem, value, ...(problem ? { code } : {}) };
	};

	it('curl: each command gives the example output', async () => {
		for (const { spec, page } of pages) {
			await attempt('curl', spec, async () => {
				const { stdout } = await run('sh', ['-c', codeText(page, 'snippet-curl')], { env: env() });
				return restResult(parse(stdout));
			});
		}
		expect(failures.filter((f) => f.startsWith('curl'))).toEqual([]);
	}, 300_000);

	it('MCP: each tools/call gives the example output as structured content', async () => {
		for (const { spec, page } of pages) {
			await attempt('mcp', spec, async () => {
				const { stdout } = await run('sh', ['-c', codeText(page, 'snippet-mcp')], { env: env() });
				const reply = parse(stdout) as {
					result?: { isError?: boolean; structuredContent?: Record<string, unknown> };
					error?: unknown;
				};
				if (!reply.result) return { ok: false, value: reply };
				const content = reply.result.structuredContent ?? {};
				if (reply.result.isError) return { ok: false, value: content, code: String(content.code) };
				const whole = Object.keys(content).length === 1 && 'result' in content;
				return { ok: true, value: whole ? content.result : content };
			});
		}
		expect(failures.filter((f) => f.startsWith('mcp'))).toEqual([]);
	}, 300_000);

	it('GraphQL: each operation with its variables gives the example output', async () => {
		for (const { spec, page } of pages) {
			await attempt('graphql', spec, async () => {
				const response = await fetch(`${server.url}/graphql`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: `Bearer ${SNIPPET_TOKEN}` },
					body: JSON.stringify({
						query: codeText(page, 'snippet-graphql'),
						variables: JSON.parse(codeText(page, 'snippet-graphql-variables')),
					}),
				});
				const body = (await response.json()) as {
					data?: Record<string, unknown>;
					errors?: { extensions?: { code?: string } }[];
				};
				if (body.errors?.length)
					return { ok: false, value: body.errors, code: body.errors[0]?.extensions?.code };
				return { ok: true, value: Object.values(body.data ?? {})[0] };
			});
		}
		expect(failures.filter((f) => f.startsWith('graphql'))).toEqual([]);
	}, 300_000);

	it('TypeScript: each module compiles with tsc and, run, prints the example output', async () => {
		const modules = writeModules(
			ROOT,
			pages.map(({ page }) => codeText(page, 'snippet-typescript')),
		);
		try {
			expect(typeCheck(modules.files)).toEqual([]);
			// Each module runs as a reader's script would, imported once, with TOKEN in its
			// environment; what it prints is its result, what it throws its failure.
			const log = vi.spyOn(console, 'log').mockImplementation(() => {});
			process.env.TOKEN = SNIPPET_TOKEN;
			try {
				for (const [i, { spec }] of pages.entries()) {
					await attempt('typescript', spec, async () => {
						log.mockClear();
						try {
							await import(pathToFileURL(modules.files[i]!).href);
						} catch (error) {
							const problem = (error as { problem?: { code?: string } }).problem;
							return {
								ok: false,
								value: String(error),
								...(problem?.code ? { code: problem.code } : {}),
							};
						}
						return { ok: true, value: parse(String(log.mock.calls[0]?.[0] ?? '')) };
					});
				}
			} finally {
				log.mockRestore();
				delete process.env.TOKEN;
			}
		} finally {
			modules.remove();
		}
		expect(failures.filter((f) => f.startsWith('typescript'))).toEqual([]);
	}, 600_000);

	it('ran four snippets for every operation of the example', () => {
		expect(pages).toHaveLength(27);
		for (const kind of ['curl', 'mcp', 'graphql', 'typescript'] as const)
			expect(ran.get(kind), kind).toBe(27);
	});
});
