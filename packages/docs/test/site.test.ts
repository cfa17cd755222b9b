import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { ContractRegistry, createRegistry, defineQuery } from '@charter/spec';
import { afterAll, describe, expect, it } from 'vitest';
import {
	buildSite,
	DOCS_CSP,
	escapeHtml,
	GuideError,
	type GuideSource,
	html,
	serveDocs,
	writeSite,
} from '../src/index.ts';
import { fixtureRegistry, ListTasksV2, SOURCES } from './fixtures/docs-fixture.ts';

const GUIDES: GuideSource[] = [
	{
		section: 'Getting started',
		path: 'getting-started/first-service.md',
		text: '# Your first service\n\nFrom nothing to a served contract.\n\n## Create it\n\nSee [operations](../contracts/operations.md#policy).\n\n```ts\nconst a = 1;\n```\n',
	},
	{
		section: 'Contracts',
		path: 'contracts/operations.md',
		text: '# Operations\n\nCommands and queries.\n\n## Policy\n\n<!-- charter:include cli -->\n',
	},
];
const SITE_OPTIONS = {
	title: 'Workflow <system>',
	sources: SOURCES,
	markdown: true,
	guides: GUIDES,
	includes: { cli: '| command | does |\n|---|---|\n| `charter test` | runs examples |' },
};
const files = buildSite(fixtureRegistry(), SITE_OPTIONS);
const pausePage = files.get('operations/workflow.instance.pause@1.0.0.html')!;
const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('html templates', () => {
	it('escape interpolated text and keep nested templates', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
		);
		expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}${null}${[html`<br>`, '>']}</p>`.value).toBe(
			'<p>&lt;b&gt;<i>&amp;</i><br>&gt;</p>',
		);
	});
});

describe('static site', () => {
	it('has an index, a page per operation, event and model, assets and the search index', () => {
		expect([...files.keys()]).toEqual(
			expect.arrayContaining([
				'index.html',
				'assets/style.css',
				'assets/site.js',
				'search-index.json',
				'search-index.js',
				'operations/workflow.instance.pause@1.0.0.html',
				'operations/tasks.task.list@1.2.0.html',
				'events/workflow.instance.paused@1.0.0.html',
				'events/tasks.task.assigned@1.0.0.html',
				'models/WorkflowInstance.html',
				'models/InstanceStatus.html',
				'operations/workflow.instance.pause@1.0.0.md',
				'guides/getting-started/first-service.html',
				'guides/getting-started/first-service.md',
				'guides/contracts/operations.html',
				'nav.js',
				'llms.txt',
				'llms-full.txt',
				'assets/theme.js',
			]),
		);
		expect([...files.keys()]).toEqual([...files.keys()].sort());
	});

	it('puts the page model beside each page as JSON', () => {
		const json = JSON.parse(files.get('operations/workflow.instance.pause@1.0.0.json')!);
		expect(json).toMatchObject({
			kind: 'operation',
			key: 'workflow.instance.pause',
			path: 'operations/workflow.instance.pause@1.0.0.html',
		});
		expect(JSON.parse(files.get('models/WorkflowInstance.json')!).name).toBe('WorkflowInstance');
	});

	it('escapes titles and descriptions in every page', () => {
		expect(files.get('index.html')).toContain('<title>Workflow &lt;system&gt;</title>');
		expect(files.get('models/Task.html')).toContain('A &lt;human&gt; task &amp; its data.');
		for (const [path, body] of files) {
			if (path.endsWith('.html')) expect(body, path).not.toMatch(/<system>|<human>/);
		}
	});

	it('renders the seed page with facts once, field tables, links and highlighted source', () => {
		expect(pausePage.match(/<dt>Version<\/dt>/g)).toHaveLength(1);
		expect(pausePage).toContain('<dt>File</dt><dd>src/instance/instance.operations.ts</dd>');
		expect(pausePage).toContain('<a href="../models/PauseResumeInput.html">PauseResumeInput</a>');
		expect(pausePage).toContain('<a href="../events/workflow.instance.paused@1.0.0.html">');
		expect(pausePage).toContain('<th scope="row"><code>instanceId</code></th>');
		expect(pausePage).toContain('<code>POST /v1/workflow/instance/pause</code>');
		expect(pausePage).toContain('<span class="tok-keyword">export</span>');
		expect(pausePage).toContain('<dt>Given</dt><dd>Workflow is running</dd>');
	});

	it('shows the deprecation banner with a link to the replacement', () => {
		const page = files.get('operations/tasks.task.list@1.2.0.html')!;
		expect(page).toContain('<aside class="banner" aria-label="Deprecation">');
		expect(page).toContain(
			'<a href="../operations/tasks.task.list@2.0.0.html">tasks.task.list@2.0.0</a>',
		);
	});

	it('requests nothing outside the site', () => {
		for (const [path, body] of files) {
			if (!/\.(html|css|js)$/.test(path)) continue;
			expect(body, path).not.toMatch(/(src|href)="(https?:)?\/\//);
			expect(body, path).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
			expect(body, path).not.toMatch(/@import/);
		}
	});

	it('leaks no raw label key on any page', () => {
		for (const [path, body] of files)
			expect(body, path).not.toMatch(/\b[a-z]+(\.[a-z]+)*\.label\b/);
	});

	it('writes the same bytes for the same contracts', () => {
		const again = buildSite(fixtureRegistry(), SITE_OPTIONS);
		expect([...again.entries()]).toEqual([...files.entries()]);
	});

	it('links each Markdown page to sibling Markdown pages', () => {
		const md = files.get('operations/workflow.instance.pause@1.0.0.md')!;
		expect(md).toContain('[PauseResumeInput](../models/PauseResumeInput.md)');
		expect(md).toContain('- **Version:** 1.0.0');
		expect(md.match(/\*\*Version:\*\*/g)).toHaveLength(1);
	});
});

describe('guides', () => {
	const guide = files.get('guides/getting-started/first-service.html')!;

	it('render each guide from Markdown, with heading anchors and links to sibling pages', () => {
		expect(guide).toContain('<h1>Your first service</h1>');
		expect(guide).toContain('<h2 id="create-it">Create it</h2>');
		expect(guide).toContain('<a href="../contracts/operations.html#policy">operations</a>');
		expect(guide).toContain('<span class="tok-keyword">const</span>');
		expect(guide).toContain('<link rel="stylesheet" href="../../assets/style.css">');
	});

	it('expand includes generated from code, and refuse an unknown one', () => {
		expect(files.get('guides/contracts/operations.html')).toContain(
			'<td><code>charter test</code></td>',
		);
		expect(() =>
			buildSite(fixtureRegistry(), {
				guides: [{ ...GUIDES[1]!, text: '# X\n<!-- charter:include nope -->' }],
			}),
		).toThrow(GuideError);
		expect(() =>
			buildSite(fixtureRegistry(), {
				guides: [{ ...GUIDES[1]!, text: '# X\n<!-- charter:include nope -->' }],
			}),
		).toThrow(/unknown include "nope" \(known: none\)/);
	});

	it('give the sidebar the guide sections first, then each feature with its operations and methods', () => {
		const nav = JSON.parse(
			files
				.get('nav.js')!
				.replace(/^window\.CHARTER_NAV = /, '')
				.replace(/;\n$/, ''),
		);
		expect(nav.map((g: { title: string }) => g.title).slice(0, 2)).toEqual([
			'Getting started',
			'Contracts',
		]);
		const links = nav.flatMap((g: { links: object[] }) => g.links);
		expect(links).toContainEqual({
			t: 'workflow.instance.pause',
			h: 'operations/workflow.instance.pause@1.0.0.html',
			m: 'POST',
		});
	});

	it('are listed on the reference index, by section', () => {
		expect(files.get('index.html')).toContain(
			'<li><strong>Getting started</strong>: <a href="guides/getting-started/first-service.html">Your first service</a></li>',
		);
	});

	it('are in the one search index with their sections, beside the reference', () => {
		const search = JSON.parse(files.get('search-index.json')!) as { kind: string; href: string }[];
		expect(search.map((e) => e.href)).toEqual(
			expect.arrayContaining([
				'guides/getting-started/first-service.html',
				'guides/getting-started/first-service.html#create-it',
				'operations/workflow.instance.pause@1.0.0.html',
				'models/WorkflowInstance.html',
			]),
		);
	});
});

describe('for machines', () => {
	it('llms.txt links every page as Markdown, guides first', () => {
		const llms = files.get('llms.txt')!;
		expect(llms.startsWith('# Workflow <system>\n')).toBe(true);
		expect(llms).toContain(
			'- [Your first service](guides/getting-started/first-service.md): From nothing to a served contract.',
		);
		expect(llms).toContain(
			'- [workflow.instance.pause](operations/workflow.instance.pause@1.0.0.md): POST /v1/workflow/instance/pause — Pause a running workflow instance.',
		);
		expect(llms.indexOf('## Getting started')).toBeLessThan(llms.indexOf('## Operations'));
	});

	it('llms-full.txt holds every page, and each page has its Markdown twin beside it', () => {
		const full = files.get('llms-full.txt')!;
		expect(full).toContain('<!-- source: operations/workflow.instance.pause@1.0.0.md -->');
		expect(full).toContain(files.get('operations/workflow.instance.pause@1.0.0.md')!.trimEnd());
		expect(full).toContain('# Operations');
		for (const path of files.keys()) {
			if (path.endsWith('.html') && path !== 'index.html')
				expect(files.has(path.replace(/\.html$/, '.md')), path).toBe(true);
		}
		expect(pausePage).toContain(
			'<link rel="alternate" type="text/markdown" href="workflow.instance.pause@1.0.0.md">',
		);
	});
});

describe('operation pages', () => {
	it('put the method and path on top, and the request, response and try-it panels beside the prose', () => {
		expect(pausePage).toContain(
			'<p class="op-route"><span class="method method-post">POST</span> <code>/v1/workflow/instance/pause</code></p>',
		);
		expect(pausePage).toMatch(
			/<aside class="op-panels"[^>]*>[\s\S]*id="snippet-curl"[\s\S]*id="snippet-typescript"[\s\S]*id="snippet-graphql"[\s\S]*id="snippet-mcp"/,
		);
		expect(pausePage).toContain(
			'<form id="try-form" class="try" data-method="POST" data-path="/v1/workflow/instance/pause" data-whole="false">',
		);
	});

	it('show a whole, valid response example, not the partial acceptance output', () => {
		const page = JSON.parse(files.get('operations/workflow.instance.pause@1.0.0.json')!);
		const response = JSON.parse(page.responseExample);
		expect(response).toMatchObject({ id: 'inst-456', status: 'PAUSED' });
		expect(Object.keys(response)).toEqual(expect.arrayContaining(['definitionKey', 'createdAt']));
	});

	it("list an enum's values once, folded, and point back to them afterwards", () => {
		expect(pausePage.match(/<details id="enum-InstanceStatus">/g)).toHaveLength(1);
		expect(pausePage).toContain(
			'one of the <a href="#enum-InstanceStatus">InstanceStatus values</a> above',
		);
	});

	it('render descriptions as Markdown, without letting markup or script links through', () => {
		const Evil = defineQuery({
			meta: {
				key: 'notes.note.find',
				version: '1.0.0',
				description:
					'Finds **notes**. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
			},
			io: {
				input: defineSchemaModel({
					name: 'FindInput',
					fields: {
						q: {
							type: ScalarTypeEnum.String(),
							isOptional: false,
							description: 'A `query` <b>here</b>',
						},
					},
				}),
				output: ScalarTypeEnum.Int(),
			},
			policy: { auth: 'anonymous' },
		});
		const page = buildSite(createRegistry([Evil])).get('operations/notes.note.find@1.0.0.html')!;
		const main = page.slice(page.indexOf('<main'));
		expect(main).toContain('Finds <strong>notes</strong>.');
		expect(main).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(main).not.toMatch(/<script|href="javascript:|<img/);
		expect(main).toContain('A <code>query</code> &lt;b&gt;here&lt;/b&gt;');
	});
});

describe('content security', () => {
	it('has no inline script, no inline style and no event handler attribute on any page', () => {
		for (const [path, body] of files) {
			if (!path.endsWith('.html')) continue;
			expect(body, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
			expect(body, path).not.toMatch(/\sstyle=|\son[a-z]+=/);
		}
	});
});

describe('writeSite', () => {
	it('removes the pages of contracts that are gone and leaves foreign files alone', () => {
		const dir = mkdtempSync(join(tmpdir(), 'charter-docs-'));
		temps.push(dir);
		writeSite(dir, files);
		writeFileSync(join(dir, 'notes.txt'), 'mine');
		const smaller = buildSite(new ContractRegistry().register(ListTasksV2) && fixtureSubset(), {
			title: 'x',
		});
		const result = writeSite(dir, smaller);
		expect(result.removed).toContain('operations/workflow.instance.pause@1.0.0.html');
		expect(existsSync(join(dir, 'operations/workflow.instance.pause@1.0.0.html'))).toBe(false);
		expect(existsSync(join(dir, 'operations/tasks.task.list@2.0.0.html'))).toBe(true);
		expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
	});
});

function fixtureSubset(): ContractRegistry {
	const registry = new ContractRegistry();
	registry.register(ListTasksV2);
	return registry;
}

describe('docs handler', () => {
	it('serves the site under /docs with content types, redirects /docs and 404s unknown pages', async () => {
		const server = await serveDocs(files, { port: 0 });
		try {
			const index = await fetch(server.url);
			expect(index.status).toBe(200);
			expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
			const css = await fetch(new URL('assets/style.css', server.url));
			expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
			const page = await fetch(
				new URL('operations/workflow.instance.pause@1.0.0.html', server.url),
			);
			expect(await page.text()).toBe(pausePage);
			const bare = await fetch(server.url.replace(/\/$/, ''), { redirect: 'manual' });
			expect(bare.status).toBe(308);
			expect(bare.headers.get('location')).toBe('/docs/');
			expect((await fetch(new URL('nope.html', server.url))).status).toBe(404);
			expect((await fetch(new URL('../../etc/passwd', server.url))).status).toBe(404);
			expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
			expect(index.headers.get('content-security-policy')).toBe(DOCS_CSP);
			expect(DOCS_CSP).toContain("script-src 'self'");
			expect(DOCS_CSP).not.toContain('unsafe-inline');
		} finally {
			await server.close();
		}
	});
});
