import { describe, expect, it } from 'vitest';
import { GetTaskContract, ListTasksContract } from '../../test/fixtures/tasks-contracts.ts';
import { canonicalInput, contractKey, contractKeyPrefix } from './query-key.ts';

describe('query keys', () => {
	it('are root, contract key, version and canonical input', () => {
		expect(contractKey(GetTaskContract, { id: 't1' })).toEqual([
			'charter',
			'tasks.task.get',
			'1.0.0',
			{ id: 't1' },
		]);
		expect(contractKeyPrefix(ListTasksContract)).toEqual(['charter', 'tasks.task.list']);
	});

	it('do not depend on member order or undefined members, at any depth', () => {
		const a = canonicalInput({ b: 1, a: { d: [{ y: 1, x: undefined, w: 2 }], c: undefined } });
		const b = canonicalInput({ a: { d: [{ w: 2, y: 1 }] }, b: 1 });
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(JSON.stringify(a)).toBe('{"a":{"d":[{"w":2,"y":1}]},"b":1}');
	});

	it('keep what differs: array order, null, other versions', () => {
		expect(canonicalInput({ tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] });
		expect(canonicalInput({ cursor: null })).toEqual({ cursor: null });
		const v2 = { ...GetTaskContract, meta: { ...GetTaskContract.meta, version: '2.0.0' } };
		expect(contractKey(v2, { id: 't1' })).not.toEqual(contractKey(GetTaskContract, { id: 't1' }));
	});
});
