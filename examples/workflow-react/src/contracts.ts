/* The workflow-system example's contracts this app uses: plain data, safe in a browser. */
export {
	DecideApprovalContract,
	ListInstanceApprovalsContract,
} from '@charter/example-workflow-system/approval/approval.operations';
export { InstanceStatusEnum } from '@charter/example-workflow-system/instance/instance.enum';
export {
	InstanceCancelledEvent,
	InstanceCompletedEvent,
	InstanceFailedEvent,
	InstancePausedEvent,
	InstanceResumedEvent,
	InstanceStartedEvent,
	InstanceTimedOutEvent,
	InstanceTransitionedEvent,
} from '@charter/example-workflow-system/instance/instance.events';
export {
	AvailableActionsContract,
	GetInstanceContract,
	InstanceHistoryContract,
	ListInstancesContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
} from '@charter/example-workflow-system/instance/instance.operations';
