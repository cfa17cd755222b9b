import { describe, expect, test } from 'vitest';
import { mergeGitignore } from './gitignore.ts';
import { ManifestError, mergeManifest } from './manifest.ts';
import { projectManifest } from './project-files.ts';

const additions = projectManifest({ name: 'x', charterVersion: '1.2.3', moduleKind: 'module' });

describe('mergeManifest', () => {
	test('a new package.json is an ES module package with the scripts and dependencies', () => {
		const { text, renamed } = mergeManifest(undefined, 'my-app', additions);
		const pkg = JSON.parse(text);
		expect(pkg).toMatchObject({ name: 'my-app', private: true, type: 'module' });
		expect(pkg.scripts.start).toBe('charter serve');
		expect(pkg.dependencies['@charter/cli']).toBe('^1.2.3');
		expect(pkg.devDependencies).toEqual({ typescript: '^5.9.0' });
		expect(renamed).toEqual([]);
		expect(text.endsWith('}\n')).toBe(true);
	});

	test('an existing one keeps every value, its indentation and order; taken script names get charter:', () => {
		const existing = `${JSON.stringify(
			{
				name: 'shop',
				scripts: { test: 'jest', start: 'charter serve' },
				dependencies: { '@charter/spec': '~1.0.0' },
				devDependencies: { typescript: '5.4.5' },
			},
			null,
			4,
		)}\n`;
		const { text, added, renamed } = mergeManifest(existing, 'ignored', additions);
		const pkg = JSON.parse(text);
		expect(text.startsWith('{\n    "name": "shop",\n    "scripts"')).toBe(true);
		expect(pkg.name).toBe('shop');
		expect(pkg.type).toBeUndefined();
		expect(pkg.scripts).toEqual({
			test: 'jest',
			start: 'charter serve',
			check: 'charter check',
			'charter:test': 'charter test',
			typecheck: 'tsc --noEmit',
			snapshot: 'charter snapshot',
			build: 'charter build',
		});
		expect(renamed).toEqual(['test']);
		expect(pkg.dependencies['@charter/spec']).toBe('~1.0.0');
		expect(pkg.devDependencies).toEqual({ typescript: '5.4.5' });
		expect(added).toContain('dependencies.@charter/cli');
		expect(added).not.toContain('scripts.start');
		// Merging twice adds nothing more.
		expect(mergeManifest(text, 'ignored', additions).added).toEqual([]);
	});

	test('a package.json that is not a JSON object is refused', () => {
		expect(() => mergeManifest('{ "name": ', 'x', additions)).toThrow(ManifestError);
		expect(() => mergeManifest('[]', 'x', additions)).toThrow('not a JSON object');
		expect(() => mergeManifest('{"scripts": "x"}', 'x', additions)).toThrow('"scripts"');
	});
});

describe('mergeGitignore', () => {
	test('appends only the missing lines, after a newline', () => {
		expect(mergeGitignore('node_modules/\n.env')).toBe(
			'node_modules/\n.env\n.charter/\nbuild/\ngenerated/*\n!generated/openapi.json\n!generated/schema.graphql\n',
		);
		const full = mergeGitignore(undefined);
		expect(mergeGitignore(full)).toBe(full);
	});
});
