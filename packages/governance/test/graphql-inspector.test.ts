import { createRequire } from 'node:module';
import { generateSdl } from '@charter/graphql';
import { type ContractSpec, createRegistry, createSnapshot } from '@charter/spec';
import { diff as inspectorDiff } from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../src/index.ts';
import { CORPUS } from './corpus/corpus.ts';
import type { CorpusCase } from './corpus/corpus-case.ts';
import { INSPECTOR_DISAGREEMENTS, type Level } from './corpus/inspector-disagreements.ts';

// Inspector runs outside Vite and loads graphql's CommonJS build: its schemas must come from there.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const RANK: readonly Level[] = ['breaking', 'dangerous', 'harmless'];
const worst = (levels: Level[]): Level =>
	levels.reduce<Level>((w, l) => (RANK.indexOf(l) < RANK.indexOf(w) ? l : w), 'harmless');

function sdl(specs: readonly ContractSpec[]): string {
	return generateSdl(createRegistry(specs));
}

/** GraphQL Inspector's verdict on the SDL Charter generates before and after. */
async function inspector(c: CorpusCase): Promise<{ level: Level; changes: string[] }> {
	const changes = await inspectorDiff(buildSchema(sdl(c.before)), buildSchema(sdl(c.after)));
	const level = worst(
		changes.map((change) =>
			change.criticality.level === 'BREAKING'
				? 'breaking'
				: change.criticality.level === 'DANGEROUS'
					? 'dangerous'
					: 'harmless',
		),
	);
	return { level, changes: changes.map((x) => `${x.criticality.level} ${x.message}`) };
}

/** Charter's verdict on the GraphQL surface: the worst `graphql` verdict of its findings. */
function charter(c: CorpusCase): Level {
	const { findings } = diffSnapshots(
		createSnapshot(createRegistry(c.before)),
		createSnapshot(createRegistry(c.after)),
		{
			...(c.now ? { now: new Date(c.now) } : {}),
			...(c.minimumDeprecationDays ? { minimumDeprecationDays: c.minimumDeprecationDays } : {}),
		},
	);
	return worst(
		findings.map((f) => {
			const v = f.surfaces.graphql;
			return v === 'breaking' || v === 'dangerous' ? v : 'harmless';
		}),
	);
}

/**
 * For every corpus case, GraphQL Inspector judges the SDL `charter generate graphql` writes
 * before and after, and Charter's verdict on the GraphQL surface must agree, or the case must be
 * listed in INSPECTOR_DISAGREEMENTS with both verdicts and the reason Charter differs.
 */
describe('GraphQL verdicts against GraphQL Inspector on the generated SDL', () => {
	it('documents only cases of the corpus', () => {
		const names = new Set(CORPUS.map((c) => c.name));
		for (const name of Object.keys(INSPECTOR_DISAGREEMENTS)) expect(names, name).toContain(name);
	});

	it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (name, c) => {
		const theirs = await inspector(c);
		const ours = charter(c);
		const documented = INSPECTOR_DISAGREEMENTS[name];
		if (documented) {
			// A documented disagreement must still be one, exactly as written.
			expect({ charter: ours, inspector: theirs.level }).toEqual({
				charter: documented.charter,
				inspector: documented.inspector,
			});
		} else {
			expect({ charter: ours, changes: theirs.changes }).toEqual({
				charter: theirs.level,
				changes: theirs.changes,
			});
		}
	});
});
