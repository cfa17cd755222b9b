import { DecideApprovalContract } from '@charter/example-workflow-system/approval/approval.operations';
import {
	AvailableActionsContract,
	CancelWorkflowContract,
	GetInstanceContract,
	ListInstancesContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
	StartWorkflowContract,
	TransitionWorkflowContract,
} from '@charter/example-workflow-system/instance/instance.operations';
import type { OperationSpec } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { actionDefaults, actionsQuery, itemCommands, itemQuery, pageQuery } from './data-views.ts';

const CONTRACTS = [
	StartWorkflowContract,
	TransitionWorkflowContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
	CancelWorkflowContract,
	ListInstancesContract,
	GetInstanceContract,
	AvailableActionsContract,
	DecideApprovalContract,
] as unknown as OperationSpec[];

describe('data views, read from the contracts by shape', () => {
	it('a query whose output is a page of items is a list, with its cursor and enum columns', () => {
		const page = pageQuery(ListInstancesContract as unknown as OperationSpec)!;
		expect(page.itemsField).toBe('items');
		expect(page.item.name).toBe('WorkflowInstance');
		expect(page.cursor).toEqual({ output: 'nextCursor', input: 'cursor' });
		expect(page.groupBy.map((g) => g.field)).toContain('status');
		expect(page.groupBy.find((g) => g.field === 'status')!.values).toContain('PAUSED');
		expect(pageQuery(GetInstanceContract as unknown as OperationSpec)).toBeUndefined();
		expect(pageQuery(PauseWorkflowContract as unknown as OperationSpec)).toBeUndefined();
	});

	it('an item links to the query that gives one of its model by id, and to the commands that take that id', () => {
		const page = pageQuery(ListInstancesContract as unknown as OperationSpec)!;
		const get = itemQuery(page.item, CONTRACTS)!;
		expect([get.spec.meta.key, get.idInput]).toEqual(['workflow.instance.get', 'instanceId']);
		expect(itemCommands(get.idInput, CONTRACTS).map((c) => c.meta.key)).toEqual([
			'workflow.instance.transition',
			'workflow.instance.pause',
			'workflow.instance.resume',
			'workflow.instance.cancel',
		]);
		const actions = actionsQuery(get.idInput, CONTRACTS)!;
		expect([actions.spec.meta.key, actions.listField]).toEqual([
			'workflow.instance.actions',
			'actions',
		]);
	});

	it("an offered action's entry fills the command's fields: the id, and fields named by suffix", () => {
		const decide = DecideApprovalContract as unknown as OperationSpec;
		expect(
			actionDefaults(decide, 'instanceId', 'inst-1', {
				kind: 'DECIDE',
				operation: 'workflow.approval.decide',
				approvalRequestId: 'req-9',
			}),
		).toEqual({ requestId: 'req-9' });
		const pause = PauseWorkflowContract as unknown as OperationSpec;
		expect(
			actionDefaults(pause, 'instanceId', 'inst-1', {
				kind: 'PAUSE',
				operation: 'workflow.instance.pause',
			}),
		).toEqual({
			instanceId: 'inst-1',
		});
	});
});
