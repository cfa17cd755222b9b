import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toOpenApi } from '@charter/rest';
import { afterAll, describe, expect, test } from 'vitest';
import { compareOpenApi, importOpenApi, renderRoundTrip } from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const TMP = join(here, '.tmp', randomUUID());
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
// Real descriptions, shipped in npm packages installed as dev dependencies.
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const github = join(
	dirname(require.resolve('@octokit/openapi/package.json')),
	'generated/api.github.com.json',
);

async function roundTrip(file: string, name: string) {
	const outDir = join(TMP, name);
	const started = performance.now();
	const result = importOpenApi({ file, outDir });
	const importMs = performance.now() - started;
	const registry = await loadGenerated(outDir);
	const summary = compareOpenApi(file, toOpenApi(registry));
	console.info(`${name}: imported in ${Math.round(importMs)} ms\n${renderRoundTrip(summary)}`);
	return { result, registry, summary, importMs };
}

describe.each([
	{ name: 'petstore-3.0-json', file: join(examples, '3.0/json/petstore.json'), operations: 20 },
	{ name: 'petstore-3.1-yaml', file: join(examples, '3.1/yaml/petstore.yaml'), operations: 20 },
	{ name: 'star-trek-3.0', file: join(examples, '3.0/json/star-trek.json'), operations: 120 },
	{
		name: 'petstore-expanded-3.0',
		file: join(examples, '3.0/json/petstore-expanded.json'),
		operations: 4,
	},
	{ name: 'split-files-3.1', file: join(here, 'fixtures/split/api.yaml'), operations: 3 },
	{ name: 'train-travel-3.1', file: join(examples, '3.1/json/train-travel.json'), operations: 7 },
])('round trip of $name', ({ name, file, operations }) => {
	test('every operation comes back with its method, path and parameters; every other difference is in the import report', async () => {
		const { result, registry, summary } = await roundTrip(file, name);
		expect(registry.operations()).toHaveLength(operations);
		expect(summary.operations).toBe(operations);
		expect(summary.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
		expect(summary.compared.errors.different).toBe(0);
		// Header parameters come back as query parameters: reported, so explained below.
		const unexplained = summary.differences.filter(
			(d) => !result.report.some((e) => e.path === d.pointer || e.path.startsWith(`${d.pointer}/`)),
		);
		expect(unexplained).toEqual([]);
	});
});

describe('round trip of the GitHub REST API description (@octokit/openapi)', () => {
	// Its speed (target: under 10 s) is measured by bench/openapi-import, not asserted here.
	test('imports over a thousand operations and keeps the wire', async () => {
		const { result, summary } = await roundTrip(github, 'github');
		expect(result.operations).toBeGreaterThan(1000);
		expect(summary.differences.filter((d) => d.aspect === 'missing')).toEqual([]);
		expect(summary.compared.parameters.different).toBe(0);
		expect(summary.compared.errors.different).toBe(0);
		const ratio = (a: { equal: number; different: number }) => a.equal / (a.equal + a.different);
		expect(ratio(summary.compared.response)).toBeGreaterThan(0.95);
		expect(ratio(summary.compared['request-body'])).toBeGreaterThan(0.85);
	}, 180_000);
});
