import { compileValidator, toJsonSchema } from '@charter/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { WorkflowInstanceModel } from '../../examples/workflow-system/src/instance/instance.schema.ts';
import { type BenchReport, formatReport, measure, ratio } from '../bench-report.ts';
import { instanceZod as zodInstance } from '../http/pause-fixture.ts';

/*
 * Validation of the seed's WorkflowInstanceModel: Charter's compiled validator vs plain Ajv
 * on the very same JSON Schema (Ajv2020 + ajv-formats, allErrors like Charter) vs an
 * equivalent hand-written Zod 4 schema. Run alone: `npx tsx bench/validation/validation.bench.ts`.
 */

const valid = {
	id: 'inst-456',
	definitionKey: 'purchase-approval',
	definitionVersion: 3,
	status: 'PAUSED',
	previousStatus: 'RUNNING',
	currentStepKey: 'manager-review',
	context: { amount: 1250, currency: 'EUR', requester: 'ada' },
	organizationId: 'org-1',
	startedBy: 'user-42',
	pauseReason: 'System maintenance',
	revision: 7,
	createdAt: '2026-01-31T12:00:00Z',
	updatedAt: '2026-01-31T12:05:00.250+01:00',
	completedAt: null,
};

/** The seed's mistake and friends: four issues. */
const invalid = {
	...valid,
	id: '',
	status: 'paused',
	revision: -1,
	updatedAt: '2026-01-31 12:05',
};

/** Measures the three validators on valid and invalid values, in one run. */
export async function run(): Promise<BenchReport> {
	const charter = compileValidator(WorkflowInstanceModel);
	const ajv = new Ajv2020({ allErrors: true, strict: false });
	(addFormats as unknown as (a: Ajv2020) => void)(ajv);
	const ajvValidate = ajv.compile(toJsonSchema(WorkflowInstanceModel));

	// Every contender must agree on the verdicts before its speed means anything.
	const verdicts = {
		charter: [charter.validate(valid).ok, charter.validate(invalid).ok],
		ajv: [ajvValidate(valid), ajvValidate(invalid)],
		zod: [zodInstance.safeParse(valid).success, zodInstance.safeParse(invalid).success],
	};
	for (const [name, [ok, bad]] of Object.entries(verdicts)) {
		if (ok !== true || bad !== false) throw new Error(`${name} disagrees on the bench values`);
	}
	const charterIssues = charter.validate(invalid);
	const issueCount = charterIssues.ok ? 0 : charterIssues.issues.length;

	let sink = 0;
	const results = await measure({
		'charter validate (valid)': () => {
			sink += charter.validate(valid).ok ? 1 : 0;
		},
		'ajv validate (valid)': () => {
			sink += ajvValidate(valid) ? 1 : 0;
		},
		'zod safeParse (valid)': () => {
			sink += zodInstance.safeParse(valid).success ? 1 : 0;
		},
		'charter validate (invalid, issues)': () => {
			const r = charter.validate(invalid);
			sink += r.ok ? 0 : r.issues.length;
		},
		'ajv validate (invalid, errors)': () => {
			sink += ajvValidate(invalid) ? 0 : (ajvValidate.errors?.length ?? 0);
		},
		'zod safeParse (invalid, issues)': () => {
			const r = zodInstance.safeParse(invalid);
			sink += r.success ? 0 : r.error.issues.length;
		},
	});
	if (sink === 0) throw new Error('benchmark bodies were optimized away');

	return {
		name: 'validation: WorkflowInstanceModel',
		tasks: [...results.values()],
		ratios: [
			ratio(results, 'charter/ajv valid', 'charter validate (valid)', 'ajv validate (valid)', 0.9),
			ratio(
				results,
				'charter/ajv invalid',
				'charter validate (invalid, issues)',
				'ajv validate (invalid, errors)',
				0.9,
			),
			ratio(results, 'charter/zod valid', 'charter validate (valid)', 'zod safeParse (valid)', 2),
			ratio(
				results,
				'charter/zod invalid',
				'charter validate (invalid, issues)',
				'zod safeParse (invalid, issues)',
				2,
			),
		],
		notes: [
			`invalid value has ${issueCount} issues; Charter maps them to issues, Ajv returns raw errors`,
			'Charter strips unknown keys and fills defaults (Ajv removeAdditional/useDefaults); plain Ajv does neither',
		],
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(formatReport(await run()));
}
