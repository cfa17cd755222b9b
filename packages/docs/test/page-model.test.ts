import { describe, expect, it } from 'vitest';
import { buildDocsModel } from '../src/index.ts';
import type { OperationPage } from '../src/model/page-model.ts';
import { fixtureRegistry, PAUSE_FILE, SOURCES } from './fixtures/docs-fixture.ts';

const model = buildDocsModel(fixtureRegistry(), { title: 'Workflow system', sources: SOURCES });
const page = (key: string, version = '1.0.0'): OperationPage => {
	const found = model.operations.find((p) => p.key === key && p.version === version);
	if (!found) throw new Error(`no page for ${key}@${version}`);
	return found;
};
const pause = page('workflow.instance.pause');

describe('operation page model of the seed contract', () => {
	it('has the title, description, goal and context', () => {
		expect(pause.title).toBe('workflow.instance.pause');
		expect(pause.description).toBe('Pause a running workflow instance.');
		expect(pause.goal).toBe('Temporarily halt workflow execution.');
		expect(pause.context).toBe('Administrative action, emergency stop.');
	});

	it('states each fact once, with a human label, the file relative to the project root', () => {
		expect(pause.facts).toEqual([
			{ id: 'type', label: 'Type', value: 'operation (command)' },
			{ id: 'version', label: 'Version', value: '1.0.0' },
			{ id: 'stability', label: 'Stability', value: 'stable' },
			{ id: 'owners', label: 'Owners', value: '@example.workflow-system' },
			{ id: 'tags', label: 'Tags', value: 'workflow, instance, pause' },
			{ id: 'file', label: 'File', value: PAUSE_FILE },
		]);
	});

	it('has the wire names of every surface', () => {
		expect(pause.wire).toEqual({
			rest: { method: 'POST', path: '/v1/workflow/instance/pause' },
			graphql: { type: 'Mutation', field: 'workflowInstancePause' },
			mcp: { tool: 'workflow_instance_pause' },
		});
	});

	it('has the input fields, with required and optional told apart', () => {
		expect(pause.input.type).toEqual({
			text: 'PauseResumeInput',
			href: 'models/PauseResumeInput.html',
		});
		expect(pause.input.fields.map((f) => [f.name, f.type.text, f.required, f.nullable])).toEqual([
			['instanceId', 'String', true, false],
			['reason', 'String', false, false],
		]);
	});

	it('has the output fields with descriptions, constraints, enum values and nullability', () => {
		expect(pause.output.type.href).toBe('models/WorkflowInstance.html');
		const byName = Object.fromEntries(pause.output.fields.map((f) => [f.name, f]));
		expect(byName.id).toMatchObject({
			required: true,
			description: 'Instance id.',
			constraints: ['at least 1 character'],
		});
		expect(byName.definitionVersion?.constraints).toEqual(['at least 1']);
		expect(byName.createdAt?.constraints).toEqual(['format date-time']);
		expect(byName.status?.type).toEqual({
			text: 'InstanceStatus',
			href: 'models/InstanceStatus.html',
		});
		expect(byName.status?.enumValues.map((v) => v.value)).toContain('PAUSED');
		expect(byName.status?.enumValues.find((v) => v.value === 'PAUSED')?.description).toMatch(
			/Halted/,
		);
		expect(byName.previousStatus).toMatchObject({ required: false, nullable: true });
	});

	it('says the policy in plain words', () => {
		expect(pause.policy.auth).toBe('administrator');
		expect(pause.policy.sentences.join(' ')).toMatch(/signed in as an administrator/);
		expect(pause.policy.sentences.join(' ')).toMatch(/tenant.*404/);
	});

	it('lists declared errors by status', () => {
		expect(pause.errors).toEqual([
			{
				code: 'NOT_FOUND',
				status: 404,
				description: 'No instance with this id in your organization.',
			},
			{
				code: 'INVALID_STATE',
				status: 409,
				description: 'Only a RUNNING or WAITING instance can be paused.',
			},
		]);
	});

	it('links the emitted event, with its version and when', () => {
		expect(pause.events).toEqual([
			{
				key: 'workflow.instance.paused',
				version: '1.0.0',
				when: 'Workflow is paused',
				href: 'events/workflow.instance.paused@1.0.0.html',
			},
		]);
		expect(pause.audit).toEqual(['workflow.instance.paused']);
	});

	it('has the scenarios as given/when/then and the examples as request and response', () => {
		expect(pause.scenarios[0]).toEqual({
			key: 'pause-workflow-happy-path',
			given: ['Workflow is running'],
			when: ['Admin pauses workflow'],
			then: ['Instance status becomes PAUSED'],
		});
		expect(pause.examples[0]?.key).toBe('pause-maintenance');
		expect(JSON.parse(pause.examples[0]!.request)).toEqual({
			instanceId: 'inst-456',
			reason: 'System maintenance',
		});
		expect(JSON.parse(pause.examples[0]!.response!)).toEqual({ id: 'inst-456', status: 'PAUSED' });
	});

	it('gives curl, TypeScript client, GraphQL and MCP snippets built from the first succeeding example', () => {
		expect(pause.snippets.curl).toContain(
			"curl -X POST 'http://localhost:3000/v1/workflow/instance/pause'",
		);
		expect(pause.snippets.curl).toContain('Authorization: Bearer $TOKEN');
		expect(pause.snippets.curl).toContain(
			`-d '{"instanceId":"inst-456","reason":"System maintenance"}'`,
		);
		expect(pause.snippets.typescript).toContain(
			`import { PauseWorkflowContract } from './${PAUSE_FILE}';`,
		);
		expect(pause.snippets.typescript).toContain(
			'const result = await client.call(PauseWorkflowContract, {',
		);
		expect(pause.snippets.graphql.document).toContain(
			'mutation WorkflowInstancePause($input: PauseResumeInput!)',
		);
		expect(pause.snippets.graphql.document).toContain('workflowInstancePause(input: $input)');
		expect(JSON.parse(pause.snippets.graphql.variables)).toEqual({
			input: { instanceId: 'inst-456', reason: 'System maintenance' },
		});
		expect(pause.snippets.mcp).toContain(
			`"params":{"name":"workflow_instance_pause","arguments":{"instanceId":"inst-456","reason":"System maintenance"}}`,
		);
	});

	it('shows only the contract definition of the source file, with its doc comment', () => {
		expect(pause.source?.file).toBe(PAUSE_FILE);
		expect(pause.source?.code.startsWith('/** The seed')).toBe(true);
		expect(pause.source?.code).toContain('export const PauseWorkflowContract = defineCommand({');
		expect(pause.source?.code.endsWith('});')).toBe(true);
		expect(pause.source?.code).not.toContain('PauseResumeInputModel = defineSchemaModel');
	});

	it('has no deprecation banner and no features when it is stable and in no feature', () => {
		expect(pause.deprecation).toBeUndefined();
		expect(pause.features).toEqual([]);
	});
});

describe('other pages of the model', () => {
	it('gives a deprecated contract a banner with its replacement and sunset', () => {
		const v1 = page('tasks.task.list', '1.2.0');
		expect(v1.deprecation).toMatchObject({
			replacedBy: { text: 'tasks.task.list@2.0.0', href: 'operations/tasks.task.list@2.0.0.html' },
			sunset: '2026-12-31',
			reason: 'Paging changed.',
		});
		expect(v1.deprecation?.message).toMatch(/deprecated since 1.2.0.*after 2026-12-31/);
		expect(v1.otherVersions).toEqual([
			{ text: '2.0.0', href: 'operations/tasks.task.list@2.0.0.html' },
		]);
	});

	it('says roles, permissions and an optional tenant in plain words', () => {
		const sentences = page('tasks.task.list', '1.2.0').policy.sentences.join(' ');
		expect(sentences).toMatch(/at least one of these roles: reader, editor/);
		expect(sentences).toMatch(/permissions: tasks:read/);
		expect(sentences).toMatch(/may act within a tenant/);
	});

	it('builds a query snippet as GET with the input in the query string', () => {
		expect(page('tasks.task.list', '1.2.0').snippets.curl).toBe(
			`curl -X GET 'http://localhost:3000/v1/tasks/task/list' \\\n  -H "Authorization: Bearer $TOKEN"`,
		);
	});

	it('links contracts to their features and groups the index by feature, the rest under Other', () => {
		expect(page('tasks.task.list', '2.0.0').features).toEqual([
			{ text: 'Tasks', href: 'index.html#feature-tasks' },
		]);
		expect(
			model.groups.map((g) => [
				g.title,
				g.operations.map((o) => `${o.title}@${o.version}`),
				g.events.map((e) => e.title),
			]),
		).toEqual([
			['Tasks', ['tasks.task.list@1.2.0', 'tasks.task.list@2.0.0'], ['tasks.task.assigned']],
			['Other', ['workflow.instance.pause@1.0.0'], ['workflow.instance.paused']],
		]);
	});

	it('gives registered and inline-declared events a page with payload and emitters', () => {
		const inline = model.events.find((e) => e.key === 'workflow.instance.paused');
		expect(inline).toMatchObject({
			origin: 'inline',
			emittedBy: [{ text: 'workflow.instance.pause', when: 'Workflow is paused' }],
		});
		expect(inline?.payload?.type.href).toBe('models/WorkflowInstance.html');
		const registered = model.events.find((e) => e.key === 'tasks.task.assigned');
		expect(registered).toMatchObject({
			origin: 'registered',
			pii: ['/assignee'],
			description: 'A task got an assignee.',
		});
		expect(registered?.facts.find((f) => f.id === 'type')?.value).toBe('event');
	});

	it('gives models, enums and unions a page with fields, values, variants and uses', () => {
		const names = model.modelPages.map((m) => m.name);
		expect(names).toEqual([...names].sort());
		expect(names).toEqual(
			expect.arrayContaining(['Task', 'Priority', 'Payment', 'CardPayment', 'WorkflowInstance']),
		);
		const task = model.modelPages.find((m) => m.name === 'Task')!;
		const byName = Object.fromEntries(task.fields.map((f) => [f.name, f]));
		expect(byName.labels?.type.text).toBe('list of String');
		expect(byName.labels?.constraints).toEqual(['at most 20 characters']);
		expect(byName.priority?.default).toBe('"LOW"');
		expect(byName.legacy?.deprecated).toBe('Use labels.');
		expect(task.usedBy.map((u) => u.text)).toEqual([
			'tasks.task.assigned v1.0.0',
			'tasks.task.list v1.2.0',
			'tasks.task.list v2.0.0',
		]);
		expect(JSON.parse(task.jsonSchema)).toMatchObject({ type: 'object' });
		const payment = model.modelPages.find((m) => m.name === 'Payment')!;
		expect(payment).toMatchObject({ typeKind: 'union', discriminator: 'method' });
		expect(payment.variants.map((v) => v.href)).toEqual([
			'models/CardPayment.html',
			'models/TransferPayment.html',
		]);
		expect(model.modelPages.find((m) => m.name === 'Priority')?.enumValues[1]).toEqual({
			value: 'HIGH',
			deprecated: 'use URGENT',
		});
	});

	it('describes a list output with its bounds', () => {
		expect(page('tasks.task.list', '1.2.0').output.type).toEqual({
			text: 'list of Task',
			href: 'models/Task.html',
		});
	});

	it('collects the filters: tags, owners and stabilities in use', () => {
		expect(model.filters).toEqual({
			tags: ['instance', 'pause', 'tasks', 'workflow'],
			owners: ['@example.workflow-system', '@team.tasks'],
			stabilities: ['beta', 'deprecated', 'stable'],
		});
	});

	it('leaks no raw label key anywhere in the model', () => {
		expect(JSON.stringify(model)).not.toMatch(/\b[a-z]+(\.[a-z]+)*\.label\b/);
	});

	it('is the same for the same contracts', () => {
		const again = buildDocsModel(fixtureRegistry(), { title: 'Workflow system', sources: SOURCES });
		expect(JSON.stringify(again)).toBe(JSON.stringify(model));
	});
});
