import { isDeepStrictEqual } from 'node:util';
import { createRegistry, createSnapshot } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, SURFACES, worstServed } from '../src/index.ts';
import { CORPUS } from './corpus/corpus.ts';
import type { CorpusCase } from './corpus/corpus-case.ts';
import { FIELD_CASES, ROWS } from './corpus/field-rows.ts';

function run(c: CorpusCase) {
	const base = createSnapshot(createRegistry(c.before));
	const current = createSnapshot(createRegistry(c.after));
	const options = {
		...(c.now ? { now: new Date(c.now) } : {}),
		...(c.served ? { surfaces: c.served } : {}),
		...(c.minimumDeprecationDays ? { minimumDeprecationDays: c.minimumDeprecationDays } : {}),
	};
	return diffSnapshots(base, current, options).findings;
}

/** Matches each expectation to one distinct finding; returns what is left on either side. */
function match(c: CorpusCase) {
	const findings = [...run(c)];
	const missing: string[] = [];
	for (const [at, label] of c.expected.entries()) {
		const [head, path] = label.split('@') as [string, string | undefined];
		const [ruleId, severity] = head.split(':');
		const surfaces = c.surfaces?.[at];
		const index = findings.findIndex(
			(f) =>
				f.ruleId === ruleId &&
				f.severity === severity &&
				(path === undefined || f.path.startsWith(path)) &&
				(surfaces === undefined || isDeepStrictEqual(f.surfaces, surfaces)),
		);
		if (index < 0) missing.push(surfaces ? `${label} ${JSON.stringify(surfaces)}` : label);
		else findings.splice(index, 1);
	}
	const extra = findings.map(
		(f) => `${f.ruleId}:${f.severity}@${f.path} ${JSON.stringify(f.surfaces)} (${f.message})`,
	);
	return { missing, extra };
}

describe('diff corpus', () => {
	it('holds at least 60 labelled pairs', () => {
		expect(CORPUS.length).toBeGreaterThanOrEqual(60);
		expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
	});

	it('covers every row of the table on both sides', () => {
		for (const row of ROWS) {
			expect(FIELD_CASES.some((c) => c.name === `input: ${row.name} (top level)`)).toBe(true);
			expect(FIELD_CASES.some((c) => c.name === `output: ${row.name} (top level)`)).toBe(true);
		}
	});

	it('gives every finding its worst verdict on the served surfaces as its severity', () => {
		for (const c of CORPUS) {
			for (const f of run(c)) {
				expect(Object.keys(f.surfaces).length, `${c.name}: ${f.ruleId}`).toBeGreaterThan(0);
				expect(f.severity, `${c.name}: ${f.ruleId}`).toBe(
					worstServed(f.surfaces, c.served ?? SURFACES),
				);
			}
		}
	});

	it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const { missing, extra } = match(c);
		expect({ missing, extra }).toEqual({ missing: [], extra: [] });
	});
});
