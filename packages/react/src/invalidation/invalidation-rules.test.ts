import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
	CompleteTaskContract,
	CreateTaskContract,
	GetTaskContract,
	ListTasksContract,
	TaskCompletedEvent,
	TaskCreatedEvent,
	UpdateProfileContract,
} from '../../test/fixtures/tasks-contracts.ts';
import { contractKey } from '../query/query-key.ts';
import { contractCache, invalidateTargets } from './contract-cache.ts';
import { defineInvalidation, onEvents, resourceOf } from './invalidation-rules.ts';

describe('invalidation declared once', () => {
	it("by default an event makes its resource stale: the key's segments but the last", () => {
		const invalidation = defineInvalidation();
		expect(resourceOf('workflow.instance.paused')).toBe('workflow.instance');
		expect(invalidation.targetsOfEvent('tasks.task.created')).toEqual({
			keys: [],
			resources: ['tasks.task'],
		});
		expect(invalidation.targetsOfCommand(CompleteTaskContract)).toEqual({
			keys: [],
			resources: ['tasks.task'],
		});
	});

	it('a command without declared events falls back to its own resource', () => {
		expect(defineInvalidation().targetsOfCommand(UpdateProfileContract)).toEqual({
			keys: [],
			resources: ['tasks.profile'],
		});
		expect(
			defineInvalidation([], { fallback: 'none' }).targetsOfCommand(UpdateProfileContract),
		).toEqual({ keys: [], resources: [] });
	});

	it('rules name contracts, merge per event, and replace the fallback for their events', () => {
		const invalidation = defineInvalidation([
			onEvents([TaskCompletedEvent], { invalidate: [GetTaskContract] }),
			onEvents([TaskCompletedEvent, TaskCreatedEvent], { invalidate: [ListTasksContract] }),
		]);
		expect(invalidation.targetsOfEvent('tasks.task.completed')).toEqual({
			keys: ['tasks.task.get', 'tasks.task.list'],
			resources: [],
		});
		expect(invalidation.targetsOfCommand(CreateTaskContract)).toEqual({
			keys: ['tasks.task.list'],
			resources: [],
		});
		expect(invalidation.rulesFor('tasks.task.completed')).toHaveLength(2);
	});

	it('invalidates exactly the targeted cached calls, and the typed cache reads and writes by input', async () => {
		const queryClient = new QueryClient();
		const cache = contractCache(queryClient);
		const task = { id: 't1', title: 'A', done: false, priority: 'LOW' as const };
		cache.set(GetTaskContract, { id: 't1' }, task);
		cache.set(ListTasksContract, {}, { items: [task] });
		queryClient.setQueryData(['charter', 'tasks.profile.get', '1.0.0', {}], {});
		queryClient.setQueryData(['elsewhere', 'tasks.task.get'], {});
		await invalidateTargets(queryClient, {
			keys: ['tasks.task.list'],
			resources: ['tasks.profile'],
		});
		const stale = queryClient
			.getQueryCache()
			.findAll()
			.filter((q) => q.state.isInvalidated)
			.map((q) => q.queryKey[1]);
		expect(stale.sort()).toEqual(['tasks.profile.get', 'tasks.task.list']);
		cache.set(GetTaskContract, { id: 't1' }, (old) => old && { ...old, done: true });
		expect(cache.get(GetTaskContract, { id: 't1' })?.done).toBe(true);
		expect(queryClient.getQueryData(contractKey(GetTaskContract, { id: 't1' }))).toMatchObject({
			done: true,
		});
	});
});
