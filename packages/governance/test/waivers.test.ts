import { createRegistry, createSnapshot } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import {
	applyVersionPolicy,
	applyWaivers,
	buildReport,
	changeId,
	diffSnapshots,
	parseWaivers,
	renderText,
} from '../src/index.ts';
import { command, model, S } from './corpus/corpus-case.ts';

const In = (extra = {}) => model('In', { id: { type: S.ID(), isOptional: false }, ...extra });
const note = { note: { type: S.String(), isOptional: false } };
const diff = diffSnapshots(
	createSnapshot(createRegistry([command({ input: In() })])),
	createSnapshot(createRegistry([command({ input: In(note), version: '1.1.0' })])),
);
const ID = 'corpus.thing.do@1.1.0:required-field-added:$.input.note';
const waiver = (expires: string) => ({
	change: ID,
	reason: 'Only the mobile app calls it; it ships the field.',
	approvedBy: '@corpus',
	expires,
});
const NOW = new Date('2026-06-01T12:00:00Z');

function run(expires: string) {
	const waived = applyWaivers(diff.findings, [waiver(expires)], NOW);
	return buildReport(
		{
			diff: {
				base: 'x',
				findings: waived.findings,
				policy: applyVersionPolicy({ ...diff, findings: waived.findings }),
				waivers: { used: waived.used, expired: waived.expired },
			},
		},
		{ toolVersion: '0' },
	);
}

describe('waivers', () => {
	it('names a change by key@version:ruleId:path', () => {
		expect(diff.findings.map(changeId)).toContain(ID);
	});

	it('accepts a breaking change until its expiry day, lists the waiver, and needs no major', () => {
		const report = run('2026-06-01');
		expect(report.status).toBe('pass');
		expect(report.summary).toMatchObject({ breaking: 0, waived: 1, errors: 0 });
		expect(report.diff?.waivers?.used).toEqual([waiver('2026-06-01')]);
		expect(renderText(report)).toContain(`waived ${ID}: Only the mobile app calls it`);
	});

	it('is an error once expired, and the change fails the run again', () => {
		const report = run('2026-05-31');
		expect(report.status).toBe('fail');
		expect(report.summary).toMatchObject({ breaking: 1, waived: 0, errors: 2 });
		expect(report.diff?.policy.map((p) => p.ruleId)).toEqual(['breaking-without-major']);
		expect(renderText(report)).toContain(`waiver for ${ID} expired on 2026-05-31`);
	});

	it('without a waiver, the change fails the run', () => {
		const waived = applyWaivers(diff.findings, [], NOW);
		expect(waived.findings.some((f) => f.waiver)).toBe(false);
		expect(waived.used).toEqual([]);
	});

	it('refuses a waiver without a reason, an owner or a date, naming each problem', () => {
		expect(() => parseWaivers([{ change: ID, expires: 'soon' }], 'charter.waivers.json')).toThrow(
			/waivers\[0\]\.reason is missing[\s\S]*waivers\[0\]\.approvedBy is missing[\s\S]*"soon" is not a date/,
		);
		expect(() => parseWaivers({}, 'charter.waivers.json')).toThrow(/must be a list/);
	});
});
