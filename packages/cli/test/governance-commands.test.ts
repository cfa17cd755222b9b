import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Runs the real `charter` bin on a temp project inside the repo, so `@charter/*` resolves.
const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../bin/charter.js');
const TMP = join(here, '.tmp', `governance-${randomUUID()}`);

function charter(cwd: string, ...args: string[]) {
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
		execFile(
			process.execPath,
			[BIN, ...args],
			{ cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
			(error, stdout, stderr) => {
				resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
			},
		);
	});
}

const contract = (
	fields: string,
	example = "{ key: 'ok', input: { id: 'a' }, output: { status: 'OPEN' } }",
) => `
import { defineEnum, defineSchemaModel, ScalarTypeEnum as S } from '@charter/schema';
import { defineCommand } from '@charter/spec';
const Status = defineEnum('Status', ['OPEN', 'CLOSED']);
export const Close = defineCommand({
	meta: { key: 'shop.order.close', version: '1.0.0', stability: 'stable', owners: ['@shop'], description: 'Closes an order.', goal: 'Finish orders.' },
	io: {
		input: defineSchemaModel({ name: 'CloseInput', fields: { id: { type: S.ID(), isOptional: false }${fields} } }),
		output: defineSchemaModel({ name: 'Order', fields: { id: { type: S.ID(), isOptional: false }, status: { type: Status, isOptional: false } } }),
	},
	policy: { auth: 'user' },
	acceptance: { examples: [${example}] },
});
`;

function project(name: string, source: string, options = ''): string {
	const root = join(TMP, name);
	mkdirSync(join(root, 'src'), { recursive: true });
	writeFileSync(
		join(root, 'charter.config.ts'),
		`import { defineConfig } from '@charter/cli';\nexport default defineConfig({ contracts: ['src/**/*.operations.ts']${options} });\n`,
	);
	writeFileSync(join(root, 'src/order.operations.ts'), source);
	return root;
}

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// Each case spawns several CLI processes; a loaded machine needs room.
const SLOW = { timeout: 240_000 };

describe('governance commands', () => {
	test(
		'check flags an example output outside the enum (exit 1), in every format',
		SLOW,
		async () => {
			const root = project(
				'check',
				contract('', "{ key: 'bad', input: { id: 'a' }, output: { status: 'paused' } }"),
			);
			const text = await charter(root, 'check');
			expect(text.code).toBe(1);
			expect(text.stdout).toContain(
				'error src/order.operations.ts › shop.order.close@1.0.0 › acceptance.examples[0].output.status: example "bad": "paused" must be one of',
			);
			expect(text.stdout).toContain('[example-output-valid]');
			const json = await charter(root, 'check', '--format', 'json');
			expect(JSON.parse(json.stdout)).toMatchObject({
				schemaVersion: 1,
				status: 'fail',
				summary: { errors: 1 },
			});
			const sarif = JSON.parse((await charter(root, 'check', '--format', 'sarif')).stdout);
			expect(sarif.runs[0].results[0]).toMatchObject({
				ruleId: 'check/example-output-valid',
				level: 'error',
			});
			const md = await charter(root, 'check', '--format', 'markdown');
			expect(md.stdout).toContain('## Charter governance: ❌ fail');
			expect((await charter(root, 'check', '--format', 'yaml')).code).toBe(2);
		},
	);

	test(
		'snapshot, then a breaking change: diff exits 1, version suggest says major, ci fails',
		SLOW,
		async () => {
			const root = project('diff', contract(''));
			expect((await charter(root, 'snapshot')).code).toBe(0);
			expect((await charter(root, 'diff')).code).toBe(0);
			expect((await charter(root, 'generate')).code).toBe(0);
			expect((await charter(root, 'generate', '--check')).code).toBe(0);
			writeFileSync(
				join(root, 'src/order.operations.ts'),
				contract(', reason: { type: S.String(), isOptional: false }'),
			);
			const diff = await charter(root, 'diff', '--format', 'json');
			expect(diff.code).toBe(1);
			const report = JSON.parse(diff.stdout);
			expect(report.diff.findings).toEqual([
				expect.objectContaining({
					ruleId: 'required-field-added',
					severity: 'breaking',
					path: '$.input.reason',
				}),
			]);
			expect(report.diff.policy.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([
				'breaking-without-major',
				'released-version-modified',
			]);
			const suggest = await charter(root, 'version', 'suggest');
			expect(suggest.code).toBe(1);
			expect(suggest.stdout).toMatch(
				/major\s+shop\.order\.close 1\.0\.0 -> 1\.0\.0 \(minimum 2\.0\.0\) needs 2\.0\.0/,
			);
			const drift = await charter(root, 'generate', '--check');
			expect(drift.code).toBe(1);
			expect(drift.stdout).toContain('drift contracts.lock.json differs from line');
			const ci = await charter(root, 'ci', '--format', 'json');
			expect(ci.code).toBe(1);
			expect(JSON.parse(ci.stdout)).toMatchObject({
				status: 'fail',
				snapshot: { status: 'stale' },
				summary: { breaking: 1, staleSnapshot: true },
			});
			expect((await charter(root, 'ci', '--fail-on', 'never')).code).toBe(0);
		},
	);

	test(
		'generate --check and ci compare only the committed artifacts; a named target is compared when asked',
		SLOW,
		async () => {
			const root = project('committed', contract(''), ", committed: ['openapi']");
			expect((await charter(root, 'snapshot')).code).toBe(0);
			expect((await charter(root, 'generate', 'openapi')).code).toBe(0);
			// graphql, client and docs were never written: they are build output, not drift.
			const check = await charter(root, 'generate', '--check', '--json');
			expect(check.code).toBe(0);
			expect(JSON.parse(check.stdout)).toMatchObject({ status: 'fresh', checked: 2 });
			const ci = await charter(root, 'ci', '--format', 'json');
			expect(ci.code).toBe(0);
			expect(JSON.parse(ci.stdout)).toMatchObject({ status: 'pass', drift: { drifted: [] } });
			const docs = await charter(root, 'generate', 'docs', '--check');
			expect(docs.code).toBe(1);
			writeFileSync(join(root, 'generated/openapi.json'), '{}\n');
			const drift = await charter(root, 'generate', '--check');
			expect(drift.code).toBe(1);
			expect(drift.stdout).toContain('drift generated/openapi.json differs from line 1');

			const wrong = project('committed-unknown', contract(''), ", committed: ['pdf']");
			const usage = await charter(wrong, 'ci');
			expect(usage.code).toBe(2);
			expect(usage.stderr).toContain(
				'`committed` lists generated artifacts by name (openapi, graphql, client, docs, codeowners); unknown: pdf',
			);
		},
	);

	test('diff reads the base at a git ref; a ref that does not exist is exit 2', SLOW, async () => {
		const root = project('git', contract(''));
		const git = (...args: string[]) =>
			execFileSync('git', args, {
				cwd: root,
				stdio: 'pipe',
				env: {
					...process.env,
					GIT_AUTHOR_NAME: 't',
					GIT_AUTHOR_EMAIL: 't@t',
					GIT_COMMITTER_NAME: 't',
					GIT_COMMITTER_EMAIL: 't@t',
				},
			});
		git('init', '-q');
		await charter(root, 'snapshot');
		git('add', '.');
		git('commit', '-qm', 'base');
		writeFileSync(
			join(root, 'src/order.operations.ts'),
			contract(', note: { type: S.String(), isOptional: true }'),
		);
		const diff = await charter(root, 'diff', '--base', 'HEAD');
		expect(diff.stdout).toContain('safe      shop.order.close@1.0.0 $.input.note');
		expect(diff.stdout).toContain('[released-version-modified]');
		const missing = await charter(root, 'diff', '--base', 'no-such-ref');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('neither a lockfile nor a git ref that exists');
	});

	test(
		'a corrupt, foreign or too new base lockfile is exit 2 with a clear error',
		SLOW,
		async () => {
			const root = project('bad-base', contract(''));
			writeFileSync(join(root, 'corrupt.json'), '{ nope');
			writeFileSync(join(root, 'foreign.json'), '{"openapi":"3.1.0"}');
			writeFileSync(
				join(root, 'new.json'),
				'{"format":"charter.contracts-lock","formatVersion":9,"contracts":[]}',
			);
			const corrupt = await charter(root, 'diff', '--base', 'corrupt.json');
			expect([corrupt.code, corrupt.stderr]).toEqual([
				2,
				expect.stringContaining('CHARTER_LOCK_CORRUPT'),
			]);
			const foreign = await charter(root, 'ci', '--base', 'foreign.json');
			expect([foreign.code, foreign.stderr]).toEqual([
				2,
				expect.stringContaining('not a Charter lockfile'),
			]);
			const newer = await charter(root, 'version', 'suggest', '--base', 'new.json');
			expect([newer.code, newer.stderr]).toEqual([2, expect.stringContaining('upgrade Charter')]);
		},
	);

	test(
		'diff honours an unexpired waiver from charter.waivers.json and lists it; an expired one fails',
		SLOW,
		async () => {
			const root = project('waivers', contract(''));
			await charter(root, 'snapshot');
			writeFileSync(
				join(root, 'src/order.operations.ts'),
				contract(', note: { type: S.String(), isOptional: false }').replace(
					"version: '1.0.0'",
					"version: '1.1.0'",
				),
			);
			const waivers = (expires: string) =>
				writeFileSync(
					join(root, 'charter.waivers.json'),
					JSON.stringify({
						waivers: [
							{
								change: 'shop.order.close@1.1.0:required-field-added:$.input.note',
								reason: 'The only caller sends it.',
								approvedBy: '@shop',
								expires,
							},
						],
					}),
				);
			waivers('2999-12-31');
			const kept = await charter(root, 'diff');
			expect(kept.stdout).toContain(
				'waived shop.order.close@1.1.0:required-field-added:$.input.note',
			);
			expect(kept.code).toBe(0);
			// version suggest takes the same waivers: the accepted breaking change needs a minor only.
			const suggest = await charter(root, 'version', 'suggest');
			expect(suggest.stdout).toMatch(
				/minor\s+shop\.order\.close 1\.0\.0 -> 1\.1\.0 \(minimum 1\.1\.0\) ok/,
			);
			expect(suggest.stdout).toContain(
				'waived   shop.order.close@1.1.0:required-field-added:$.input.note (The only caller sends it.; approved by @shop',
			);
			expect(suggest.code).toBe(0);
			waivers('2000-01-01');
			const expired = await charter(root, 'diff');
			expect(expired.stdout).toContain('expired on 2000-01-01');
			expect(expired.code).toBe(1);
			const unwaived = await charter(root, 'version', 'suggest');
			expect(unwaived.stdout).toContain('(minimum 2.0.0) needs 2.0.0');
			expect(unwaived.stdout).toContain(
				'waiver shop.order.close@1.1.0:required-field-added:$.input.note expired on 2000-01-01',
			);
			expect(unwaived.code).toBe(1);
			writeFileSync(join(root, 'charter.waivers.json'), '{"waivers":[{"change":"x"}]}');
			const invalid = await charter(root, 'diff');
			expect([invalid.code, invalid.stderr]).toEqual([
				2,
				expect.stringContaining('reason is missing'),
			]);
		},
	);

	test(
		'check lists deprecated contracts and fails past a sunset; diff holds the minimum deprecation period',
		SLOW,
		async () => {
			const deprecated = (sunset: string) =>
				contract('').replace(
					"stability: 'stable'",
					`stability: 'deprecated', deprecation: { reason: 'Use shop.order.finish.', replacedBy: 'shop.order.finish', sunset: '${sunset}' }`,
				);
			const root = project(
				'sunset',
				contract(''),
				', governance: { deprecation: { minimumDays: 90 } }',
			);
			await charter(root, 'snapshot');
			const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
			writeFileSync(join(root, 'src/order.operations.ts'), deprecated(far));
			const listed = await charter(root, 'check');
			expect(listed.stdout).toMatch(
				new RegExp(`deprecated, sunset ${far} \\(in 40[01] day\\(s\\)\\)`),
			);
			expect(listed.code).toBe(0);
			expect((await charter(root, 'diff')).code).toBe(0);
			const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
			writeFileSync(join(root, 'src/order.operations.ts'), deprecated(soon));
			const short = await charter(root, 'diff');
			expect(short.stdout).toContain('the policy requires a deprecation period of 90');
			expect(short.code).toBe(1);
			writeFileSync(join(root, 'src/order.operations.ts'), deprecated('2000-01-01'));
			const past = await charter(root, 'check');
			expect(past.stdout).toContain('its sunset 2000-01-01 has passed');
			expect(past.code).toBe(1);
		},
	);

	test(
		'diff --format github annotates the contract line; --format changelog writes release notes',
		SLOW,
		async () => {
			const root = project('github', contract(''));
			await charter(root, 'snapshot');
			writeFileSync(
				join(root, 'src/order.operations.ts'),
				contract(', note: { type: S.String(), isOptional: false }'),
			);
			const summary = join(root, 'summary.md');
			const github = await new Promise<{ code: number; stdout: string }>((resolve) => {
				execFile(
					process.execPath,
					[BIN, 'diff', '--format', 'github'],
					{ cwd: root, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } },
					(error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
				);
			});
			expect(github.code).toBe(1);
			// The annotation sits on the changed field's line, below the contract's key.
			const fieldLine =
				contract(', note: { type: S.String(), isOptional: false }')
					.split('\n')
					.findIndex((l) => l.includes('note:')) + 1;
			expect(github.stdout).toMatch(
				new RegExp(
					`^::error file=[^,]*src/order\\.operations\\.ts,line=${fieldLine},title=charter diff%3A breaking required-field-added::shop\\.order\\.close@1\\.0\\.0 \\$\\.input\\.note`,
					'm',
				),
			);
			expect(readFileSync(summary, 'utf8')).toContain('## Charter governance: ❌ fail');
			const notes = await charter(root, 'diff', '--format', 'changelog', '--fail-on', 'never');
			expect(notes.code).toBe(0);
			expect(notes.stdout).toContain(
				'## Other contracts\n\n### Breaking changes\n\n- `shop.order.close@1.0.0`',
			);
		},
	);
});
