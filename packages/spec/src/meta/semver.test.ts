import { describe, expect, it } from 'vitest';
import { compareSemver, isSemver, majorOf, parseSemver } from './semver.ts';

describe('semver', () => {
	it.each([
		['1.0.0'],
		['0.0.1'],
		['10.20.30'],
		['1.0.0-alpha.1'],
		['1.0.0+build.5'],
		['1.0.0-rc.1+sha.abc'],
	])('accepts %s', (version) => expect(isSemver(version)).toBe(true));

	it.each([['1.0'], ['v1.0.0'], ['01.0.0'], ['1.0.0-'], ['1.0.0-01'], [''], ['1.0.0.0']])(
		'rejects %j',
		(version) => expect(isSemver(version)).toBe(false),
	);

	it('parses the parts and the prerelease identifiers', () => {
		expect(parseSemver('2.10.3-beta.11')).toEqual({
			major: 2,
			minor: 10,
			patch: 3,
			prerelease: ['beta', '11'],
		});
		expect(parseSemver('1.0')).toBeUndefined();
		expect(majorOf('3.1.4')).toBe(3);
	});

	it('orders versions by semver precedence, prereleases included', () => {
		const ordered = [
			'0.9.0',
			'1.0.0-alpha',
			'1.0.0-alpha.1',
			'1.0.0-alpha.beta',
			'1.0.0-beta',
			'1.0.0-beta.2',
			'1.0.0-beta.11',
			'1.0.0-rc.1',
			'1.0.0',
			'1.2.0',
			'1.10.0',
			'2.0.0',
		];
		for (let i = 1; i < ordered.length; i++) {
			expect(
				compareSemver(ordered[i - 1]!, ordered[i]!),
				`${ordered[i - 1]} < ${ordered[i]}`,
			).toBeLessThan(0);
			expect(compareSemver(ordered[i]!, ordered[i - 1]!)).toBeGreaterThan(0);
		}
		const shuffled = [...ordered].reverse().sort(compareSemver);
		expect(shuffled).toEqual(ordered);
	});

	it('ignores build metadata and sorts invalid versions first', () => {
		expect(compareSemver('1.0.0+build.1', '1.0.0')).toBe(0);
		expect(compareSemver('nope', '0.0.1')).toBeLessThan(0);
		expect(compareSemver('1.0.0', 'nope')).toBeGreaterThan(0);
	});
});
