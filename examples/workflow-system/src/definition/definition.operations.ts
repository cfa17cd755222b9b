import { listOf } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';
import { expenseApprovalDefinition } from '../demo/expense-approval.ts';
import { invalidState, notFound, OWNERS, WORKFLOW_ADMIN_POLICY } from '../shared/contract-parts.ts';
import {
	DefinitionArchivedEvent,
	DefinitionCreatedEvent,
	DefinitionDeprecatedEvent,
	DefinitionPublishedEvent,
	DefinitionStepAddedEvent,
	DefinitionStepRemovedEvent,
	DefinitionStepUpdatedEvent,
	DefinitionUpdatedEvent,
} from './definition.events.ts';
import {
	AddStepInputModel,
	CreateDefinitionInputModel,
	DefinitionIssueModel,
	DefinitionPageModel,
	DefinitionRefInputModel,
	DefinitionValidationModel,
	ListDefinitionsInputModel,
	RemoveStepInputModel,
	UpdateDefinitionInputModel,
	UpdateStepInputModel,
	WorkflowDefinitionModel,
} from './definition.schema.ts';

const meta = (
	key: string,
	tags: string[],
	text: { description: string; goal: string; context: string },
) => ({
	key,
	version: '1.0.0',
	stability: 'stable' as const,
	owners: OWNERS,
	tags: ['workflow', 'definition', ...tags],
	...text,
});

const NOT_DRAFT = invalidState(
	'Only a DRAFT definition can be changed; published versions are immutable.',
);
const DEFINITION_NOT_FOUND = notFound('workflow definition');
const DRAFT_GIVEN = 'Definition def-1 (expense-approval, version 1) is a DRAFT with the demo steps';
const ACTIVE_GIVEN = 'Definition def-1 (expense-approval, version 1) is ACTIVE';

/** Creates a definition version as a DRAFT. */
export const CreateDefinitionContract = defineCommand({
	meta: meta('workflow.definition.create', ['create'], {
		description: 'Create a workflow definition (a new DRAFT version of its key).',
		goal: 'Model a business process as steps and transitions.',
		context:
			'Workflow administrators only. A new key starts at version 1; an existing key gets its next version, so published versions are never edited.',
	}),
	io: { input: CreateDefinitionInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	sideEffects: { emits: [DefinitionCreatedEvent], audit: ['workflow.definition.created'] },
	acceptance: {
		scenarios: [
			{
				key: 'create-expense-approval',
				given: ['The organization has no definition with the key expense-approval'],
				when: ['A workflow admin creates expense-approval with the demo steps'],
				then: ['Version 1 exists as a DRAFT with 7 steps'],
			},
			{
				key: 'create-next-version',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin creates expense-approval again'],
				then: ['Version 2 exists as a DRAFT; version 1 stays ACTIVE'],
			},
		],
		examples: [
			{
				key: 'create-demo',
				scenario: 'create-expense-approval',
				input: expenseApprovalDefinition,
				output: { key: 'expense-approval', version: 1, status: 'DRAFT', publishedAt: null },
			},
			{
				key: 'create-version-2',
				scenario: 'create-next-version',
				input: { key: 'expense-approval', name: 'Expense approval (2026)' },
				output: { key: 'expense-approval', version: 2, status: 'DRAFT', steps: [] },
			},
		],
	},
});

/** Renames or re-describes a DRAFT. */
export const UpdateDefinitionContract = defineCommand({
	meta: meta('workflow.definition.update', ['update'], {
		description: 'Update the name or description of a DRAFT definition.',
		goal: 'Keep a draft understandable while it is designed.',
		context:
			'Steps have their own commands. ACTIVE, DEPRECATED and ARCHIVED versions are immutable.',
	}),
	io: { input: UpdateDefinitionInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: { NOT_FOUND: DEFINITION_NOT_FOUND, INVALID_STATE: NOT_DRAFT },
	sideEffects: { emits: [DefinitionUpdatedEvent], audit: ['workflow.definition.updated'] },
	acceptance: {
		scenarios: [
			{
				key: 'rename-draft',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin renames it'],
				then: ['The name changes; the version and status do not'],
			},
			{
				key: 'rename-active',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin renames it'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'rename',
				scenario: 'rename-draft',
				input: { definitionId: 'def-1', name: 'Expense claims' },
				output: { id: 'def-1', name: 'Expense claims', version: 1, status: 'DRAFT' },
			},
			{
				key: 'rename-published',
				scenario: 'rename-active',
				input: { definitionId: 'def-1', name: 'Expense claims' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Adds a step to a DRAFT. */
export const AddStepContract = defineCommand({
	meta: meta('workflow.definition.step.add', ['step'], {
		description: 'Add a step to a DRAFT definition.',
		goal: 'Build a workflow step by step.',
		context: 'The draft may be incomplete in between; validate reports what is missing.',
	}),
	io: { input: AddStepInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		NOT_FOUND: DEFINITION_NOT_FOUND,
		INVALID_STATE: NOT_DRAFT,
		DUPLICATE_STEP: {
			status: 409,
			description: 'The definition already has a step with this key.',
		},
	},
	sideEffects: { emits: [DefinitionStepAddedEvent], audit: ['workflow.definition.step-added'] },
	acceptance: {
		scenarios: [
			{
				key: 'add-wait-step',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin adds a WAIT step of one hour'],
				then: ['The definition has 8 steps, the new one last'],
			},
			{
				key: 'add-duplicate-step',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin adds a second step with the key submit'],
				then: ['The call fails with DUPLICATE_STEP (409)'],
			},
		],
		examples: [
			{
				key: 'add-wait',
				scenario: 'add-wait-step',
				input: {
					definitionId: 'def-1',
					step: {
						key: 'cool-off',
						name: 'Cool-off hour',
						type: 'WAIT',
						waitSeconds: 3600,
						transitions: [{ to: 'approved' }],
					},
				},
				output: { id: 'def-1', status: 'DRAFT' },
			},
			{
				key: 'add-duplicate',
				scenario: 'add-duplicate-step',
				input: {
					definitionId: 'def-1',
					step: { key: 'submit', name: 'Again', type: 'TASK', transitions: [] },
				},
				error: 'DUPLICATE_STEP',
			},
		],
	},
});

/** Replaces a step of a DRAFT. */
export const UpdateStepContract = defineCommand({
	meta: meta('workflow.definition.step.update', ['step'], {
		description: 'Replace a step of a DRAFT definition.',
		goal: 'Adjust a step (approvers, guards, durations) while designing.',
		context:
			'The new content may rename the step; transitions that pointed to it are not rewritten.',
	}),
	io: { input: UpdateStepInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		NOT_FOUND: notFound('workflow definition or step'),
		INVALID_STATE: NOT_DRAFT,
		DUPLICATE_STEP: { status: 409, description: 'The new key is taken by another step.' },
	},
	sideEffects: { emits: [DefinitionStepUpdatedEvent], audit: ['workflow.definition.step-updated'] },
	acceptance: {
		scenarios: [
			{
				key: 'raise-threshold',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin changes the amount-check guard to amount > 5000'],
				then: ['The amount-check step carries the new guard'],
			},
		],
		examples: [
			{
				key: 'update-guard',
				scenario: 'raise-threshold',
				input: {
					definitionId: 'def-1',
					stepKey: 'amount-check',
					step: {
						key: 'amount-check',
						name: 'Amount above 5000?',
						type: 'CONDITION',
						transitions: [
							{ guard: 'amount > 5000', to: 'finance-approval' },
							{ isDefault: true, to: 'approved' },
						],
					},
				},
				output: { id: 'def-1', status: 'DRAFT' },
			},
		],
	},
});

/** Removes a step from a DRAFT. */
export const RemoveStepContract = defineCommand({
	meta: meta('workflow.definition.step.remove', ['step'], {
		description: 'Remove a step from a DRAFT definition.',
		goal: 'Simplify a workflow while designing it.',
		context: 'Transitions that pointed to the removed step stay and are reported by validate.',
	}),
	io: { input: RemoveStepInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: { NOT_FOUND: notFound('workflow definition or step'), INVALID_STATE: NOT_DRAFT },
	sideEffects: { emits: [DefinitionStepRemovedEvent], audit: ['workflow.definition.step-removed'] },
	acceptance: {
		scenarios: [
			{
				key: 'remove-finance',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin removes finance-approval'],
				then: ['The definition has 6 steps; validate now reports the dangling transition'],
			},
		],
		examples: [
			{
				key: 'remove-step',
				scenario: 'remove-finance',
				input: { definitionId: 'def-1', stepKey: 'finance-approval' },
				output: { id: 'def-1', status: 'DRAFT' },
			},
		],
	},
});

/** Checks whether a definition can be published. */
export const ValidateDefinitionContract = defineQuery({
	meta: meta('workflow.definition.validate', ['validate'], {
		description: 'Validate a workflow definition and list its issues.',
		goal: 'Show every problem that blocks publishing, with where it is.',
		context:
			'Checks: exactly one START, a reachable END, every step reachable and able to finish, known transition targets, CONDITION guards parse and one default, APPROVAL mode, approvers and outcomes, WAIT duration.',
	}),
	io: { input: DefinitionRefInputModel, output: DefinitionValidationModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: { NOT_FOUND: DEFINITION_NOT_FOUND },
	acceptance: {
		scenarios: [
			{
				key: 'validate-demo',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin validates it'],
				then: ['It is valid, with no issues'],
			},
			{
				key: 'validate-dangling',
				given: ['Definition def-2 is a DRAFT whose start step leads to a missing step "review"'],
				when: ['A workflow admin validates it'],
				then: [
					'It is invalid; the first issue points at the transition',
					'The END step it cuts off is reported too (unreachable, no path to END)',
				],
			},
		],
		examples: [
			{
				key: 'valid',
				scenario: 'validate-demo',
				input: { definitionId: 'def-1' },
				output: { definitionId: 'def-1', valid: true, issues: [] },
			},
			{
				key: 'dangling-target',
				scenario: 'validate-dangling',
				input: { definitionId: 'def-2' },
				output: {
					valid: false,
					issues: [
						{
							path: '/steps/0/transitions/0/to',
							code: 'UNKNOWN_TARGET',
							message: 'no step has the key "review"',
						},
						{ path: '/steps', code: 'END_UNREACHABLE' },
						{ path: '/steps/0', code: 'NO_PATH_TO_END' },
						{ path: '/steps/1', code: 'UNREACHABLE_STEP' },
					],
				},
			},
		],
	},
});

/** Publishes a valid DRAFT: it becomes ACTIVE and immutable. */
export const PublishDefinitionContract = defineCommand({
	meta: meta('workflow.definition.publish', ['publish'], {
		description: 'Publish a valid DRAFT definition: it becomes ACTIVE.',
		goal: 'Make a designed workflow available to start.',
		context:
			'Only a DRAFT without validation issues is published. The published version is immutable; start uses the latest ACTIVE version of the key.',
	}),
	io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		NOT_FOUND: DEFINITION_NOT_FOUND,
		INVALID_STATE: invalidState('Only a DRAFT can be published.'),
		DEFINITION_INVALID: {
			status: 422,
			description: 'The draft has validation issues (listed in the problem data).',
			data: listOf(DefinitionIssueModel),
		},
	},
	sideEffects: { emits: [DefinitionPublishedEvent], audit: ['workflow.definition.published'] },
	acceptance: {
		scenarios: [
			{
				key: 'publish-demo',
				given: [DRAFT_GIVEN],
				when: ['A workflow admin publishes it'],
				then: ['It is ACTIVE with a publication time', 'workflow.definition.published is emitted'],
			},
			{
				key: 'publish-invalid',
				given: ['Definition def-2 is a DRAFT whose start step leads to a missing step "review"'],
				when: ['A workflow admin publishes it'],
				then: ['The call fails with DEFINITION_INVALID (422) and it stays a DRAFT'],
			},
			{
				key: 'publish-twice',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin publishes it again'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'publish',
				scenario: 'publish-demo',
				input: { definitionId: 'def-1' },
				output: { id: 'def-1', status: 'ACTIVE' },
			},
			{
				key: 'publish-with-issues',
				scenario: 'publish-invalid',
				input: { definitionId: 'def-2' },
				error: 'DEFINITION_INVALID',
			},
			{
				key: 'publish-published',
				scenario: 'publish-twice',
				input: { definitionId: 'def-1' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Deprecates an ACTIVE version. */
export const DeprecateDefinitionContract = defineCommand({
	meta: meta('workflow.definition.deprecate', ['deprecate'], {
		description: 'Deprecate an ACTIVE definition version.',
		goal: 'Stop new instances of an outdated version while running ones finish.',
		context:
			'Running instances keep their version. Start then uses the next latest ACTIVE version, if any.',
	}),
	io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		NOT_FOUND: DEFINITION_NOT_FOUND,
		INVALID_STATE: invalidState('Only an ACTIVE definition can be deprecated.'),
	},
	sideEffects: { emits: [DefinitionDeprecatedEvent], audit: ['workflow.definition.deprecated'] },
	acceptance: {
		scenarios: [
			{
				key: 'deprecate-active',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin deprecates it'],
				then: ['It is DEPRECATED'],
			},
		],
		examples: [
			{
				key: 'deprecate',
				scenario: 'deprecate-active',
				input: { definitionId: 'def-1' },
				output: { id: 'def-1', status: 'DEPRECATED' },
			},
		],
	},
});

/** Archives a DRAFT or DEPRECATED version. */
export const ArchiveDefinitionContract = defineCommand({
	meta: meta('workflow.definition.archive', ['archive'], {
		description: 'Archive a DRAFT or DEPRECATED definition version.',
		goal: 'Retire a version for good while keeping it for history.',
		context: 'An ACTIVE version must be deprecated first; archiving is final.',
	}),
	io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		NOT_FOUND: DEFINITION_NOT_FOUND,
		INVALID_STATE: invalidState('Only a DRAFT or DEPRECATED definition can be archived.'),
	},
	sideEffects: { emits: [DefinitionArchivedEvent], audit: ['workflow.definition.archived'] },
	acceptance: {
		scenarios: [
			{
				key: 'archive-deprecated',
				given: ['Definition def-1 (expense-approval, version 1) is DEPRECATED'],
				when: ['A workflow admin archives it'],
				then: ['It is ARCHIVED'],
			},
			{
				key: 'archive-active',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin archives it'],
				then: ['The call fails with INVALID_STATE (409)'],
			},
		],
		examples: [
			{
				key: 'archive',
				scenario: 'archive-deprecated',
				input: { definitionId: 'def-1' },
				output: { id: 'def-1', status: 'ARCHIVED' },
			},
			{
				key: 'archive-active-version',
				scenario: 'archive-active',
				input: { definitionId: 'def-1' },
				error: 'INVALID_STATE',
			},
		],
	},
});

/** Lists definition versions. */
export const ListDefinitionsContract = defineQuery({
	meta: meta('workflow.definition.list', ['list'], {
		description: 'List workflow definition versions, with filters and cursor pagination.',
		goal: 'Browse the workflows of the organization.',
		context: 'Sorted by key, then version (newest first). Items omit steps; get returns them.',
	}),
	io: { input: ListDefinitionsInputModel, output: DefinitionPageModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: {
		INVALID_CURSOR: { status: 400, description: 'The cursor is not one this API issued.' },
	},
	acceptance: {
		scenarios: [
			{
				key: 'list-active',
				given: [ACTIVE_GIVEN, 'Definition def-3 (leave-request, version 1) is a DRAFT'],
				when: ['A workflow admin lists ACTIVE definitions'],
				then: ['Only expense-approval version 1 is returned'],
			},
		],
		examples: [
			{
				key: 'list-active-only',
				scenario: 'list-active',
				input: { status: 'ACTIVE' },
				output: {
					items: [
						{ id: 'def-1', key: 'expense-approval', version: 1, status: 'ACTIVE', stepCount: 7 },
					],
					nextCursor: null,
				},
			},
		],
	},
});

/** Reads one definition version with its steps. */
export const GetDefinitionContract = defineQuery({
	meta: meta('workflow.definition.get', ['get'], {
		description: 'Get a workflow definition version with its steps.',
		goal: 'Inspect or edit a workflow.',
		context: "Another organization's definition is NOT_FOUND.",
	}),
	io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
	policy: WORKFLOW_ADMIN_POLICY,
	errors: { NOT_FOUND: DEFINITION_NOT_FOUND },
	acceptance: {
		scenarios: [
			{
				key: 'get-definition',
				given: [ACTIVE_GIVEN],
				when: ['A workflow admin gets it'],
				then: ['It is returned with its 7 steps in order'],
			},
		],
		examples: [
			{
				key: 'get',
				scenario: 'get-definition',
				input: { definitionId: 'def-1' },
				output: {
					id: 'def-1',
					key: 'expense-approval',
					status: 'ACTIVE',
					steps: [
						{ key: 'start', type: 'START' },
						{ key: 'submit', type: 'TASK' },
						{ key: 'manager-approval', type: 'APPROVAL' },
						{ key: 'amount-check', type: 'CONDITION' },
						{ key: 'finance-approval', type: 'APPROVAL' },
						{ key: 'approved', type: 'END' },
						{ key: 'rejected', type: 'END' },
					],
				},
			},
		],
	},
});
