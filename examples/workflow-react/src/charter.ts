import { createCharterQueries, createClient, defineInvalidation, onEvents } from '@charter/react';
import {
	AvailableActionsContract,
	DecideApprovalContract,
	GetInstanceContract,
	InstanceCancelledEvent,
	InstanceCompletedEvent,
	InstanceFailedEvent,
	InstanceHistoryContract,
	InstancePausedEvent,
	InstanceResumedEvent,
	InstanceStartedEvent,
	InstanceTimedOutEvent,
	InstanceTransitionedEvent,
	ListInstanceApprovalsContract,
	ListInstancesContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
} from './contracts.ts';

/** The demo tokens `charter serve` prints; the page acts as one of them (`?as=`). */
export const DEMO_TOKENS = ['admin-token', 'manager-token', 'employee-token', 'finance-token'];
export const token = new URLSearchParams(globalThis.location?.search).get('as') ?? DEMO_TOKENS[0]!;

/** The events that change an instance's status; the payload is the instance. */
const INSTANCE_CHANGES = [
	InstanceStartedEvent,
	InstancePausedEvent,
	InstanceResumedEvent,
	InstanceCancelledEvent,
	InstanceCompletedEvent,
	InstanceFailedEvent,
	InstanceTimedOutEvent,
] as const;

/** Every event that changes an instance, which the pages listen to. */
export const INSTANCE_EVENTS = [...INSTANCE_CHANGES, InstanceTransitionedEvent] as const;

const INSTANCE_VIEWS = [
	GetInstanceContract,
	ListInstancesContract,
	AvailableActionsContract,
	InstanceHistoryContract,
	ListInstanceApprovalsContract,
];

/** What each event does to the cache, declared once for the whole app. */
const invalidation = defineInvalidation([
	onEvents(INSTANCE_CHANGES, {
		update: (instance, cache) =>
			cache.set(GetInstanceContract, { instanceId: instance.id }, instance),
		invalidate: INSTANCE_VIEWS,
	}),
	onEvents([InstanceTransitionedEvent], {
		update: (moved, cache) =>
			cache.set(GetInstanceContract, { instanceId: moved.instance.id }, moved.instance),
		invalidate: INSTANCE_VIEWS,
	}),
]);

const client = createClient(
	[
		ListInstancesContract,
		GetInstanceContract,
		AvailableActionsContract,
		InstanceHistoryContract,
		PauseWorkflowContract,
		ResumeWorkflowContract,
		ListInstanceApprovalsContract,
		DecideApprovalContract,
	],
	{ baseUrl: '', token },
);

/** Queries, mutations and live events of the app, over the page's origin. */
export const charter = createCharterQueries(client, {
	invalidation,
	live: { url: '/graphql', headers: { authorization: `Bearer ${token}` } },
});
