import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractRegistry } from '@charter/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, escapeHtml, html, serveDocs, writeSite } from '../src/index.ts';
import { fixtureRegistry, ListTasksV2, SOURCES } from './fixtures/docs-fixture.ts';

const files = buildSite(fixtureRegistry(), {
	title: 'Workflow <system>',
	sources: SOURCES,
	markdown: true,
});
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
				'markdown/operations/workflow.instance.pause@1.0.0.md',
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
		const again = buildSite(fixtureRegistry(), {
			title: 'Workflow <system>',
			sources: SOURCES,
			markdown: true,
		});
		expect([...again.entries()]).toEqual([...files.entries()]);
	});

	it('links each Markdown page to sibling Markdown pages', () => {
		const md = files.get('markdown/operations/workflow.instance.pause@1.0.0.md')!;
		expect(md).toContain('[PauseResumeInput](../models/PauseResumeInput.md)');
		expect(md).toContain('- **Version:** 1.0.0');
		expect(md.match(/\*\*Version:\*\*/g)).toHaveLength(1);
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
		} finally {
			await server.close();
		}
	});
});
