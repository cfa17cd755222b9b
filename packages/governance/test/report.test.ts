import { readFileSync } from 'node:fs';
import { createRegistry, createSnapshot } from '@charter/spec';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
	applyVersionPolicy,
	buildReport,
	type CheckFinding,
	diffSnapshots,
	type ReportParts,
	renderMarkdown,
	renderSarif,
	renderText,
} from '../src/index.ts';
import { command, model, S } from './corpus/corpus-case.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const validateSarif = ajv.compile(readJson('./schemas/sarif-2.1.0-subset.schema.json'));
const validateReport = ajv.compile(readJson('../src/report/report.schema.json'));

const check: CheckFinding[] = [
	{
		ruleId: 'example-output-valid',
		severity: 'error',
		file: 'src/instance.operations.ts',
		key: 'workflow.instance.pause',
		version: '1.0.0',
		field: 'acceptance.examples[0].output.status',
		message: 'example "pause-maintenance": "paused" must be one of PAUSED | RUNNING',
	},
	{
		ruleId: 'goal-required',
		severity: 'warning',
		key: 'a.b',
		version: '1.0.0',
		message: 'no goal',
	},
];
const before = command({ input: model('In', { id: { type: S.ID(), isOptional: false } }) });
const after = command({
	input: model('In', {
		id: { type: S.ID(), isOptional: false },
		note: { type: S.String(), isOptional: false },
	}),
	version: '1.1.0',
});
const diff = diffSnapshots(
	createSnapshot(createRegistry([before])),
	createSnapshot(createRegistry([after])),
);
const parts: ReportParts = {
	check: { findings: check },
	snapshot: { lockfile: 'contracts.lock.json', status: 'stale' },
	drift: { checked: 2, drifted: [{ path: 'generated/openapi.json', status: 'changed', line: 4 }] },
	diff: {
		base: 'origin/main:contracts.lock.json',
		findings: diff.findings,
		policy: applyVersionPolicy(diff),
	},
};
const report = buildReport(parts, { toolVersion: '0.1.0' });

describe('governance reports', () => {
	it('fails on breaking by default and counts every level', () => {
		expect(report.status).toBe('fail');
		expect(report.summary).toEqual({
			errors: 2,
			warnings: 1,
			infos: 0,
			breaking: 1,
			dangerous: 0,
			safe: 0,
			waived: 0,
			driftedFiles: 1,
			staleSnapshot: true,
		});
	});

	it('honours --fail-on: never passes; warning fails on a warning alone', () => {
		expect(buildReport(parts, { toolVersion: '0', failOn: 'never' }).status).toBe('pass');
		const warningOnly: ReportParts = { check: { findings: [check[1]!] } };
		expect(buildReport(warningOnly, { toolVersion: '0' }).status).toBe('pass');
		expect(buildReport(warningOnly, { toolVersion: '0', failOn: 'dangerous' }).status).toBe('pass');
		expect(buildReport(warningOnly, { toolVersion: '0', failOn: 'warning' }).status).toBe('fail');
	});

	it('fails on a dangerous change only from --fail-on dangerous', () => {
		const dangerous: ReportParts = {
			diff: {
				base: 'x',
				policy: [],
				findings: [
					{
						ruleId: 'error-added',
						severity: 'dangerous',
						kind: 'operation',
						key: 'a',
						version: '1.0.0',
						path: '$.errors.X',
						message: 'm',
						surfaces: { rest: 'dangerous' },
					},
				],
			},
		};
		expect(buildReport(dangerous, { toolVersion: '0' }).status).toBe('pass');
		expect(buildReport(dangerous, { toolVersion: '0', failOn: 'dangerous' }).status).toBe('fail');
	});

	it('renders text with file, contract, field, message and rule id, uncoloured by default', () => {
		const text = renderText(report);
		expect(text).toContain(
			'error src/instance.operations.ts › workflow.instance.pause@1.0.0 › acceptance.examples[0].output.status: example "pause-maintenance"',
		);
		expect(text).toContain('[example-output-valid]');
		expect(text).toContain(
			'breaking  corpus.thing.do@1.1.0 $.input.note: request: required field note was added to In',
		);
		expect(text).toContain('[breaking-without-major]');
		expect(text).toContain('contracts.lock.json is stale');
		expect(text).toContain('generated/openapi.json differs from line 4');
		expect(text).not.toContain('\u001b[');
		expect(text.split('\n').at(-1)).toMatch(/^fail 2 error\(s\), 1 warning\(s\), 1 breaking/);
	});

	it('renders Markdown tables for a pull-request comment, escaping pipes', () => {
		const md = renderMarkdown(report);
		expect(md).toMatch(/^## Charter governance: ❌ fail/);
		expect(md).toContain(
			'| 🔴 error | src/instance.operations.ts › workflow.instance.pause@1.0.0 › acceptance.examples[0].output.status |',
		);
		expect(md).toContain('PAUSED \\| RUNNING');
		expect(md).toContain('| 🔴 breaking | `corpus.thing.do@1.1.0` | `$.input.note` |');
		expect(md).toContain('`generated/openapi.json` differs from line 4');
	});

	it('renders SARIF 2.1.0 that validates against the schema', () => {
		const sarif = renderSarif(report);
		const valid = validateSarif(sarif);
		expect(validateSarif.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
		const results = (sarif as { runs: { results: { ruleId: string; level: string }[] }[] }).runs[0]!
			.results;
		expect(results.map((r) => `${r.ruleId}:${r.level}`)).toEqual([
			'check/example-output-valid:error',
			'check/goal-required:warning',
			'snapshot/stale:error',
			'drift/generated-file:error',
			'diff/version-changed:note',
			'diff/required-field-added:error',
			'version/breaking-without-major:error',
		]);
	});

	it('rejects a SARIF log that breaks the schema (the validator is not a no-op)', () => {
		expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
		expect(
			validateSarif({
				version: '2.1.0',
				runs: [
					{
						tool: { driver: { name: 'x' } },
						results: [{ level: 'fatal', message: { text: 'm' } }],
					},
				],
			}),
		).toBe(false);
	});

	it('writes JSON that follows the documented, versioned report schema', () => {
		const json = JSON.parse(JSON.stringify(report));
		expect(validateReport(json)).toBe(true);
		expect(json).toMatchObject({ schema: 'charter.governance-report', schemaVersion: 1 });
		expect(validateReport({ ...json, schemaVersion: 2 })).toBe(false);
	});
});
