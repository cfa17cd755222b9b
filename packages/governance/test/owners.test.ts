import { createRegistry, createSnapshot, type RegistryEntry } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, renderCodeowners, reviewsOf } from '../src/index.ts';
import { command } from './corpus/corpus-case.ts';

const entry = (file: string, owners: string[], key = 'corpus.thing.do'): RegistryEntry => ({
	spec: command({ meta: { key, version: '1.0.0', owners } }),
	file,
});

describe("owners' review", () => {
	it('writes CODEOWNERS: each contract file with the union of its owners, sorted, from the repository root', () => {
		const text = renderCodeowners(
			[
				entry('src/b.operations.ts', ['@pay', '@ops'], 'corpus.b.do'),
				entry('src/a.operations.ts', ['@shop']),
				entry('src/b.operations.ts', ['@ops', '@audit'], 'corpus.b.undo'),
				entry('src/c d.operations.ts', [], 'corpus.c.do'),
				{ spec: command({ meta: { key: 'corpus.x.do', version: '1.0.0' } }) },
			],
			{ prefix: 'services/shop/' },
		);
		expect(
			text.split('\n').filter((l) => !l.startsWith('# Generated') && !l.startsWith('# Do not')),
		).toEqual([
			'',
			'/services/shop/src/a.operations.ts @shop',
			'/services/shop/src/b.operations.ts @audit @ops @pay',
			'# /services/shop/src/c\\ d.operations.ts: no owners declared',
			'',
		]);
	});

	it('names, per changed contract, its worst change and its owners before and after', () => {
		const before = createSnapshot(
			createRegistry([
				command({ meta: { key: 'corpus.thing.do', version: '1.0.0', owners: ['@old'] } }),
				command({ meta: { key: 'corpus.same.do', version: '1.0.0', owners: ['@same'] } }),
			]),
		);
		const after = createSnapshot(
			createRegistry([
				command({
					meta: { key: 'corpus.thing.do', version: '1.0.0', owners: ['@new'] },
					policy: { auth: 'admin' },
				}),
				command({ meta: { key: 'corpus.same.do', version: '1.0.0', owners: ['@same'] } }),
			]),
		);
		expect(reviewsOf(diffSnapshots(before, after))).toEqual([
			{
				kind: 'operation',
				key: 'corpus.thing.do',
				version: '1.0.0',
				owners: ['@new', '@old'],
				severity: 'breaking',
			},
		]);
	});
});
