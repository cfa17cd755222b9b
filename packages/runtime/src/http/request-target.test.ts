import { describe, expect, it } from 'vitest';
import { isServedPath, parseRequestTarget, parseServedTarget } from './request-target.ts';

/** What the URL parser makes of a target, the reading every surface must agree with. */
function byUrl(target: string) {
	const url = new URL(target, 'http://localhost');
	return { pathname: url.pathname, search: url.search };
}

describe('parseRequestTarget', () => {
	it.each([
		'/',
		'/v1/todo/list',
		'/v1/todo/list?done=true&limit=2',
		'/v1/todo/list?',
		'/v1/a/./b/../c',
		'/v1/%7etodo/%2Fx',
		'/v1/a|b',
		"/v1/o'brien",
		'/v1/a b',
		'/v1/todo#fragment',
		'/v1/todo?q=1#fragment',
		'/v1/ünïcode',
	])('reads %s as the URL parser does', (target) => {
		expect(parseRequestTarget(target)).toEqual(byUrl(target));
	});
});

describe('isServedPath', () => {
	it('takes origin-form paths, and refuses what a URL parser reads as another host', () => {
		for (const served of ['/', '/v1/x?y=1', '/a/../b', '/%2F%2Fx']) {
			expect(isServedPath(served)).toBe(true);
			expect(parseServedTarget(served)).toEqual(byUrl(served));
		}
		for (const other of ['//evil.example/x', '/\\evil.example', '//[', '//:99999', '*', 'x']) {
			expect(isServedPath(other)).toBe(false);
			expect(parseServedTarget(other)).toBeUndefined();
		}
	});
});
