import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand } from '@charter/spec';
import { WorkflowInstanceModel } from './instance.schema.ts';

const PauseResumeInputModel = defineSchemaModel({
	name: 'PauseResumeInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		reason: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
	},
});

/** The seed's contract, with its example corrected to the enum's UPPERCASE value. */
export const PauseWorkflowContract = defineCommand({
	meta: {
		key: 'workflow.instance.pause',
		version: '1.0.0',
		stability: 'stable',
		owners: ['@example.workflow-system'],
		tags: ['workflow', 'instance', 'pause'],
		description: 'Pause a running workflow instance.',
		goal: 'Temporarily halt workflow execution.',
		context: 'Administrative action, emergency stop.',
	},
	io: { input: PauseResumeInputModel, output: WorkflowInstanceModel },
	policy: { auth: 'admin', tenant: 'required' },
	errors: {
		NOT_FOUND: { status: 404, description: 'No instance with this id in your organization.' },
		INVALID_STATE: {
			status: 409,
			description: 'Only a RUNNING or WAITING instance can be paused.',
		},
	},
	idempotent: true,
	destructive: false,
	sideEffects: {
		emits: [
			{
				key: 'workflow.instance.paused',
				version: '1.0.0',
				when: 'Workflow is paused',
				payload: WorkflowInstanceModel,
			},
		],
		audit: ['workflow.instance.paused'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'pause-workflow-happy-path',
				given: ['Workflow is running'],
				when: ['Admin pauses workflow'],
				then: ['Instance status becomes PAUSED'],
			},
		],
		examples: [
			{
				key: 'pause-maintenance',
				scenario: 'pause-workflow-happy-path',
				input: { instanceId: 'inst-456', reason: 'System maintenance' },
				output: { id: 'inst-456', status: 'PAUSED' },
			},
		],
	},
});
