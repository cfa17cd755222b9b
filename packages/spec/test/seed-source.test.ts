import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileValidator } from '@charter/schema';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedTempFolder } from '../../../test-support/temp-folder.ts';
import {
	ContractRegistry,
	checkReferences,
	isOperationSpec,
	type OperationSpec,
	wireNames,
} from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const srcDir = join(root, 'examples/workflow-system/src');

/** Links to every entry of `src`, with the folder `open` as a real folder of links to its files. */
function mirrorOf(src: string, open: string): Record<string, string> {
	const links: Record<string, string> = {};
	for (const entry of readdirSync(src)) {
		if (entry !== open) links[`src/${entry}`] = join(src, entry);
	}
	for (const entry of readdirSync(join(src, open)))
		links[`src/${open}/${entry}`] = join(src, open, entry);
	return links;
}
const source = readFileSync(join(here, 'fixtures/seed-pause.source.txt'), 'utf8');

/** Type-checks one file under the repository's strict tsconfig; returns formatted diagnostics. */
function typeCheck(file: string): string[] {
	const config = ts.getParsedCommandLineOfConfigFile(
		join(root, 'tsconfig.json'),
		{},
		{
			...ts.sys,
			onUnRecoverableConfigFileDiagnostic: (d) => {
				throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
			},
		},
	);
	if (!config) throw new Error('cannot read tsconfig.json');
	const program = ts.createProgram([file], { ...config.options, noEmit: true });
	return ts.getPreEmitDiagnostics(program).map((d) => {
		const where = d.file
			? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
			: '(global)';
		return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
	});
}

describe('the seed source definition', () => {
	// The source imports './instance.enum' and './instance.schema': it is written into a mirror
	// of the example's `src` made of links, in the OS temp folder, so nothing is written into
	// the example and every relative import of the real modules still resolves.
	const folder = linkedTempFolder('charter-seed-', mirrorOf(srcDir, 'instance'));
	const file = join(folder.dir, 'src/instance/seed-pause.ts');
	let diagnostics: string[] = [];
	let contract: OperationSpec | undefined;

	beforeAll(async () => {
		writeFileSync(file, source);
		diagnostics = typeCheck(file);
		const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
		contract = module.PauseWorkflowContract as OperationSpec;
	});

	afterAll(() => folder.remove());

	it('only rewrites the two import specifiers of the seed', () => {
		expect(source).toContain("from '@charter/spec'");
		expect(source).toContain("from '@charter/schema'");
		expect(source).toContain('ScalarTypeEnum.String_unsecure()');
	});

	it('type-checks under the strict project settings with zero diagnostics', () => {
		expect(diagnostics).toEqual([]);
	});

	it('would report a type error (the check is not vacuous)', () => {
		const broken = join(folder.dir, 'src/instance/seed-pause-broken.ts');
		writeFileSync(broken, source.replace("policy: { auth: 'user' }", "policy: { auth: 'root' }"));
		const found = typeCheck(broken);
		expect(found.length).toBeGreaterThan(0);
		expect(found.join('\n')).toContain('"root"');
	});

	it('evaluates to a command contract that registers', () => {
		expect(isOperationSpec(contract)).toBe(true);
		const registry = new ContractRegistry();
		registry.register(contract!, {
			file: 'examples/workflow-system/src/instance/instance.pause.ts',
			exportName: 'PauseWorkflowContract',
		});
		const entry = registry.get('operation', 'workflow.instance.pause', '1.0.0');
		expect(entry?.spec).toBe(contract);
		expect(registry.latest('operation', 'workflow.instance.pause')?.spec).toBe(contract);
		expect(checkReferences(registry)).toEqual([]);
	});

	it('keeps the meta header, policy and wire names', () => {
		const spec = contract!;
		expect(spec.kind).toBe('command');
		expect(spec.meta).toMatchObject({
			key: 'workflow.instance.pause',
			version: '1.0.0',
			stability: 'stable',
			owners: ['@example.workflow-system'],
			tags: ['workflow', 'instance', 'pause'],
			goal: 'Temporarily halt workflow execution.',
		});
		expect(spec.policy).toEqual({ auth: 'user' });
		expect(wireNames(spec)).toEqual({
			rest: { method: 'POST', path: '/v1/workflow/instance/pause' },
			graphql: { type: 'Mutation', field: 'workflowInstancePause' },
			mcp: { tool: 'workflow_instance_pause' },
		});
	});

	it('has the PauseResumeInput model as input and WorkflowInstance as output', () => {
		const { input, output } = contract!.io;
		expect(input).toMatchObject({
			kind: 'model',
			name: 'PauseResumeInput',
			fields: {
				instanceId: { type: { kind: 'scalar', name: 'String' }, isOptional: false },
				reason: { type: { kind: 'scalar', name: 'String' }, isOptional: true },
			},
		});
		expect(output).toMatchObject({ kind: 'model', name: 'WorkflowInstance' });
		const check = compileValidator(input);
		expect(check.is({ instanceId: 'inst-456', reason: 'System maintenance' })).toBe(true);
		expect(check.validate({ reason: 'x' })).toMatchObject({
			ok: false,
			issues: [{ path: '/instanceId', code: 'required' }],
		});
	});

	it('emits workflow.instance.paused with the instance as payload, and audits it', () => {
		expect(contract!.sideEffects).toEqual({
			emits: [
				{
					key: 'workflow.instance.paused',
					version: '1.0.0',
					when: 'Workflow is paused',
					payload: contract!.io.output,
				},
			],
			audit: ['workflow.instance.paused'],
		});
	});

	it("keeps the seed's example, whose output says status 'paused' although the enum value is PAUSED", () => {
		const [example] = contract!.acceptance.examples;
		expect(example).toEqual({
			key: 'pause-maintenance',
			input: { instanceId: 'inst-456', reason: 'System maintenance' },
			output: { id: 'inst-456', status: 'paused' },
		});
		// The known seed mistake `charter check` must flag: 'paused' is not an InstanceStatus value.
		const output = contract!.io.output;
		const statusType = output.kind === 'model' ? output.fields.status?.type : undefined;
		expect(statusType).toMatchObject({ kind: 'enum', name: 'InstanceStatus' });
		expect(statusType?.kind === 'enum' && statusType.values.includes('paused' as never)).toBe(
			false,
		);
		expect(statusType?.kind === 'enum' && statusType.values.includes('PAUSED')).toBe(true);
		expect(contract!.acceptance.scenarios).toHaveLength(1);
	});
});
