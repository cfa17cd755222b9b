import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGuides } from './project-guides.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'charter-guides-'));
	dirs.push(dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const manifest = (sections: object) => JSON.stringify({ sections });

describe('readGuides', () => {
	it('reads the pages in the order guides.json gives, each with its section', () => {
		const dir = folder({
			'guides.json': manifest([
				{ title: 'Start', pages: ['start/b.md', 'start/a.md'] },
				{ title: 'More', pages: ['more/c.md'] },
			]),
			'start/a.md': '# A',
			'start/b.md': '# B',
			'more/c.md': '# C',
		});
		expect(readGuides(dir).map((g) => [g.section, g.path, g.text])).toEqual([
			['Start', 'start/b.md', '# B'],
			['Start', 'start/a.md', '# A'],
			['More', 'more/c.md', '# C'],
		]);
	});

	it('refuses a missing manifest, a listed page that is missing and a page it does not list', () => {
		expect(() => readGuides(folder({ 'a.md': '# A' }))).toThrow(/guides\.json is missing/);
		expect(() =>
			readGuides(folder({ 'guides.json': manifest([{ title: 'S', pages: ['gone.md'] }]) })),
		).toThrow(/lists gone\.md, which does not exist/);
		expect(() =>
			readGuides(
				folder({
					'guides.json': manifest([{ title: 'S', pages: ['a.md'] }]),
					'a.md': '# A',
					'stray/b.md': '# B',
				}),
			),
		).toThrow(/does not list stray\/b\.md/);
	});
});
