import { createRegistry, createSnapshot, defineFeature } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { buildReport, diffSnapshots, renderChangelog, renderGithub } from '../src/index.ts';
import { command, model, S } from './corpus/corpus-case.ts';

const base = [
	command({ input: model('In', { id: { type: S.ID(), isOptional: false } }) }),
	command({ meta: { key: 'corpus.other.do', version: '1.0.0', owners: ['@x'] } }),
];
const current = [
	command({
		input: model('In', {
			id: { type: S.ID(), isOptional: false },
			note: { type: S.String(), isOptional: false },
			tag: { type: S.String(), isOptional: true },
		}),
		version: '1.1.0',
	}),
	command({
		meta: {
			key: 'corpus.other.do',
			version: '1.0.0',
			owners: ['@x'],
			stability: 'deprecated',
			deprecation: { reason: 'Use corpus.thing.do.', sunset: '2027-06-01' },
		},
	}),
	command({ meta: { key: 'corpus.new.do', version: '1.0.0' } }),
];
const report = buildReport(
	{
		diff: {
			base: 'main',
			findings: diffSnapshots(
				createSnapshot(createRegistry(base)),
				createSnapshot(createRegistry(current)),
				{ now: new Date('2026-12-01') },
			).findings,
			policy: [],
		},
	},
	{ toolVersion: '0.0.0' },
);

describe('release notes (--format changelog)', () => {
	it('groups changes by feature, then breaking, deprecations, additions and other changes', () => {
		const feature = defineFeature({
			meta: { key: 'corpus.things', version: '1.0.0', title: 'Things' },
			operations: [current[0]!],
		});
		const text = renderChangelog(report, {
			featureOf: (key) => (feature.members.some((m) => m.key === key) ? 'Things' : undefined),
		});
		expect(text).toBe(
			[
				'# Release notes',
				'',
				'Changes against `main`.',
				'',
				'## Things',
				'',
				'### Breaking changes',
				'',
				'- `corpus.thing.do@1.1.0`: request: required field note was added to In (`$.input.note`)',
				'',
				'### Other changes',
				'',
				'- `corpus.thing.do@1.1.0`: request: optional field tag was added to In (`$.input.tag`)',
				'',
				'## Other contracts',
				'',
				'### Deprecations',
				'',
				'- `corpus.other.do@1.0.0`: the contract was deprecated (`$.meta.stability`)',
				'- `corpus.other.do@1.0.0`: deprecation notice changed (`$.meta.deprecation`)',
				'',
				'### Added',
				'',
				'- `corpus.new.do@1.0.0`: command corpus.new.do@1.0.0 was added',
				'',
			].join('\n'),
		);
	});
});

describe('GitHub annotations (--format github)', () => {
	it('writes one workflow command per change on its file and line, escaped', () => {
		const text = renderGithub(report, {
			locate: (f) => (f.key === 'corpus.thing.do' ? { file: 'src/a,b.ts', line: 7 } : undefined),
		});
		const lines = text.split('\n');
		expect(lines).toContain(
			'::error file=src/a%2Cb.ts,line=7,title=charter diff%3A breaking required-field-added::corpus.thing.do@1.1.0 $.input.note: request: required field note was added to In',
		);
		expect(lines).toContain(
			'::notice file=src/a%2Cb.ts,line=7,title=charter diff%3A safe optional-field-added::corpus.thing.do@1.1.0 $.input.tag: request: optional field tag was added to In',
		);
		// Info findings (deprecation notices, metadata) stay in the job summary only.
		expect(lines.some((l) => l.includes('corpus.other.do'))).toBe(false);
	});
});
