import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineEnum, defineSchemaModel, listOf, ScalarTypeEnum } from '@charter/schema';
import {
	ContractRegistry,
	defineCommand,
	defineEvent,
	defineFeature,
	defineQuery,
	type OperationSpec,
} from '@charter/spec';
import { readGuides } from '../../packages/cli/src/generate/project-guides.ts';
import { referenceIncludes } from '../../packages/cli/src/generate/reference-includes.ts';
import { buildDocsModel, renderSite, writeSite } from '../../packages/docs/src/index.ts';
import { type BenchReport, formatReport } from '../bench-report.ts';

/*
 * Generating the docs site for 1,000 generated contracts (100 features of 10 operations,
 * each with its own input model, shared output models, an enum, a registered event, errors,
 * scenarios, examples and a source file) with Charter's own guides (docs/guides, with the
 * generated CLI and configuration references) and the sidebar: page model, HTML + Markdown
 * rendering (llms.txt and llms-full.txt included), and writing into a folder. Target: the
 * whole run under 3 s. Run alone: `npx tsx bench/docs/docs.bench.ts`.
 */

const FEATURES = 100;
const PER_FEATURE = 10;
const TARGET_MS = 3000;

export function project(): { registry: ContractRegistry; sources: Record<string, string> } {
	const registry = new ContractRegistry();
	const sources: Record<string, string> = {};
	for (let f = 0; f < FEATURES; f++) {
		const domain = `domain${f}`;
		const file = `src/${domain}/${domain}.operations.ts`;
		const Status = defineEnum(`Status${f}`, {
			OPEN: { description: 'Open.' },
			CLOSED: { description: 'Closed.' },
		});
		const Item = defineSchemaModel({
			name: `Item${f}`,
			description: `An item of ${domain}.`,
			fields: {
				id: { type: ScalarTypeEnum.ID(), isOptional: false, description: 'Id.' },
				title: { type: ScalarTypeEnum.String({ maxLength: 200 }), isOptional: false },
				status: { type: Status, isOptional: false },
				amount: { type: ScalarTypeEnum.Decimal(), isOptional: true, isNullable: true },
				createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
			},
		});
		const Changed = defineEvent({
			meta: {
				key: `${domain}.item.changed`,
				version: '1.0.0',
				stability: 'stable',
				owners: [`@team.${f % 7}`],
			},
			payload: Item,
		});
		registry.register(Changed, { file, exportName: 'Changed' });
		const members: OperationSpec[] = [];
		let source = '';
		for (let o = 0; o < PER_FEATURE; o++) {
			const key = `${domain}.item.action${o}`;
			const Input = defineSchemaModel({
				name: `Action${f}x${o}Input`,
				fields: {
					id: { type: ScalarTypeEnum.ID(), isOptional: false },
					note: { type: ScalarTypeEnum.String(), isOptional: true },
				},
			});
			const meta = {
				key,
				version: '1.0.0',
				stability: o % 5 === 0 ? ('beta' as const) : ('stable' as const),
				owners: [`@team.${f % 7}`],
				tags: [domain, `tag${o % 4}`],
				description: `Action ${o} on an item of ${domain}.`,
				goal: 'Exercise the docs generator.',
				context: 'Generated for the benchmark.',
			};
			const spec =
				o % 2 === 0
					? defineQuery({
							meta,
							io: { input: Input, output: listOf(Item) },
							policy: { auth: 'user' },
						})
					: defineCommand({
							meta,
							io: { input: Input, output: Item },
							policy: { auth: 'admin', roles: ['editor'], tenant: 'required' },
							errors: { NOT_FOUND: { status: 404, description: 'No such item.' } },
							sideEffects: { emits: [{ event: Changed, when: 'The item changed' }], audit: [key] },
							acceptance: {
								scenarios: [
									{
										key: 'happy',
										given: ['An open item'],
										when: ['The action runs'],
										then: ['It changes'],
									},
								],
								examples: [
									{ key: 'ok', input: { id: 'i-1' }, output: { id: 'i-1', status: 'OPEN' } },
								],
							},
						});
			const exportName = `Action${o}`;
			registry.register(spec, { file, exportName });
			members.push(spec);
			source += `/** Action ${o}. */\nexport const ${exportName} = defineCommand({\n\tmeta: { key: '${key}', version: '1.0.0' },\n\tio: { input: Input, output: Item },\n});\n\n`;
		}
		sources[file] = source;
		registry.register(
			defineFeature({
				meta: { key: domain, version: '1.0.0', title: `Domain ${f}` },
				operations: members,
				events: [Changed],
			}),
		);
	}
	return { registry, sources };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Measures model, render and write for 1,000 contracts (median of 5 runs after a warmup). */
export async function run(): Promise<BenchReport> {
	const { registry, sources } = project();
	const guides = readGuides(join(import.meta.dirname, '../../docs/guides'));
	const includes = await referenceIncludes();
	const out = mkdtempSync(join(tmpdir(), 'charter-docs-bench-'));
	const times = {
		model: [] as number[],
		render: [] as number[],
		write: [] as number[],
		total: [] as number[],
	};
	let fileCount = 0;
	let siteBytes = 0;
	try {
		for (let i = 0; i < 6; i++) {
			const t0 = performance.now();
			const model = buildDocsModel(registry, { title: 'Bench', sources, guides, includes });
			const t1 = performance.now();
			const files = renderSite(model, { markdown: true });
			const t2 = performance.now();
			writeSite(join(out, `run${i % 2}`), files);
			const t3 = performance.now();
			fileCount = files.size;
			siteBytes = [...files.values()].reduce((sum, text) => sum + text.length, 0);
			if (i === 0) continue; // warmup
			times.model.push(t1 - t0);
			times.render.push(t2 - t1);
			times.write.push(t3 - t2);
			times.total.push(t3 - t0);
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	const task = (name: string, ms: number) => ({ name, hz: 1000 / ms, rme: 0 });
	const total = median(times.total);
	return {
		name: 'docs: generating the site for 1,000 contracts',
		tasks: [
			task('page model', median(times.model)),
			task('render HTML + Markdown', median(times.render)),
			task('write folder', median(times.write)),
			task('whole generation', total),
		],
		ratios: [
			{
				name: `3 s budget / whole generation (${Math.round(total)} ms)`,
				value: TARGET_MS / total,
				target: 1,
			},
		],
		notes: [
			`${registry.operations().length} operations, ${registry.events().length} events, ${guides.length} guides, ${fileCount} files per site (${Math.round(siteBytes / 1e6)} MB)`,
			'ops/s are generations per second; median of 5 runs after one warmup; rme not measured',
		],
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(formatReport(await run()));
}
