import { defineEvent } from '@charter/spec';
import { MEMBER_POLICY, OWNERS } from '../shared/contract-parts.ts';
import { TransitionResultModel, WorkflowInstanceModel } from './instance.schema.ts';

/**
 * Who receives instance events live: every member of the organization, as anyone who may call
 * `workflow.instance.get` (some are emitted only by administrators' commands, which alone would
 * keep them from members).
 */
const READ_POLICY = MEMBER_POLICY;

const meta = <const K extends string>(key: K, description: string, tags: string[]) => ({
	key,
	version: '1.0.0',
	stability: 'stable' as const,
	owners: OWNERS,
	tags: ['workflow', 'instance', ...tags],
	description,
});

/** An instance was started from the latest ACTIVE version of its definition. */
export const InstanceStartedEvent = defineEvent({
	meta: meta('workflow.instance.started', 'A workflow instance was started.', ['start']),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

/** The instance moved from one step to another (human action, approval outcome, timer, condition). */
export const InstanceTransitionedEvent = defineEvent({
	meta: meta('workflow.instance.transitioned', 'A workflow instance entered a new step.', [
		'transition',
	]),
	payload: TransitionResultModel,
	policy: READ_POLICY,
});

/** The seed's event: same key, version and payload as its inline declaration. */
export const InstancePausedEvent = defineEvent({
	meta: meta('workflow.instance.paused', 'A workflow instance was paused.', ['pause']),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

export const InstanceResumedEvent = defineEvent({
	meta: meta('workflow.instance.resumed', 'A paused workflow instance was resumed.', ['resume']),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

export const InstanceCancelledEvent = defineEvent({
	meta: meta('workflow.instance.cancelled', 'A workflow instance was cancelled.', ['cancel']),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

export const InstanceCompletedEvent = defineEvent({
	meta: meta('workflow.instance.completed', 'A workflow instance reached an END step.', [
		'complete',
	]),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

export const InstanceTimedOutEvent = defineEvent({
	meta: meta('workflow.instance.timed-out', 'A step or an approval of the instance expired.', [
		'timer',
	]),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});

export const InstanceFailedEvent = defineEvent({
	meta: meta(
		'workflow.instance.failed',
		'A workflow instance stopped on an unrecoverable error (e.g. a guard that cannot be evaluated).',
		['failure'],
	),
	payload: WorkflowInstanceModel,
	policy: READ_POLICY,
});
