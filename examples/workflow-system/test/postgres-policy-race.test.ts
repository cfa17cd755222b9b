import { randomUUID } from 'node:crypto';
import { type Decider, type DeciderArgs, readsState } from '@charter/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTables, PG_URL } from './postgres-tables.ts';
import { createHarness, employee, finance, type Harness, manager } from './workflow-harness.ts';

/**
 * The authorization race of issue 14: `task-assignee` allows anyone while the instance waits on
 * an approval, and a manager's "request changes" puts it back on the submit TASK. A
 * non-assignee's SUBMIT racing that decision must never go through. Runs when
 * `CHARTER_TEST_PG_URL` names a PostgreSQL database; its tables are dropped after.
 */
let tables: Awaited<ReturnType<typeof openPostgresTables>> | undefined;
afterAll(() => tables?.drop());

/** A gate the attacker's rule waits at after deciding, until the manager's decision is in. */
interface Gate {
	decided: Promise<void>;
	signalDecided(): void;
	managerDone: Promise<void>;
	openForAttacker(): void;
}

function newGate(): Gate {
	let signalDecided!: () => void;
	let openForAttacker!: () => void;
	const decided = new Promise<void>((resolve) => {
		signalDecided = resolve;
	});
	const managerDone = new Promise<void>((resolve) => {
		openForAttacker = resolve;
	});
	return { decided, signalDecided, managerDone, openForAttacker };
}

/**
 * Wraps `task-assignee` so that the attacker's call, once its rule has decided, waits for the
 * manager's decision to commit (at most a second): the widest window a slow network could give.
 * The wrapper keeps the decider's kind (reads state or not), so it tests the app as written.
 */
function gatedDeciders(gate: () => Gate | undefined) {
	return (app: Readonly<Record<string, Decider>>): Record<string, Decider> => {
		const original = app['task-assignee']!;
		const decide = typeof original === 'function' ? original : original.decide;
		const gated = async (args: DeciderArgs) => {
			const verdict = await decide(args);
			const current = gate();
			if (current && args.principal?.id === finance.id) {
				current.signalDecided();
				await Promise.race([current.managerDone, new Promise((r) => setTimeout(r, 1000))]);
			}
			return verdict;
		};
		return {
			...app,
			'task-assignee': typeof original === 'function' ? gated : readsState(gated),
		};
	};
}

/** Starts an expense of 50 and submits it: it waits on the manager's approval. */
async function expenseAtManager(h: Harness) {
	const instanceId = await h.start({ amount: 50, reason: 'Taxi' });
	await h.ok(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' });
	const [request] = await h.pending(instanceId);
	return { instanceId, requestId: request!.id };
}

describe.skipIf(!PG_URL)('a policy rule that reads state, raced on PostgreSQL', () => {
	let gate: Gate | undefined;
	let h: Harness;

	beforeAll(async () => {
		tables = await openPostgresTables('wfrace');
		const { stores } = tables;
		h = await createHarness({
			stores,
			newId: (p = 'id') => `${p}-${randomUUID().slice(0, 8)}`,
			deciders: gatedDeciders(() => gate),
		});
		await h.publish();
	});

	it("a non-assignee's SUBMIT decided before the manager's REQUEST_CHANGES commits never goes through (10 rounds)", async () => {
		const outcomes: string[] = [];
		for (let round = 0; round < 10; round++) {
			const { instanceId, requestId } = await expenseAtManager(h);
			gate = newGate();
			const attack = h.call(finance, 'workflow.instance.transition', {
				instanceId,
				action: 'SUBMIT',
				data: { amount: 99999 },
			});
			await Promise.race([gate.decided, attack]);
			const decision = await h.call(manager, 'workflow.approval.decide', {
				requestId,
				decision: 'REQUEST_CHANGES',
			});
			gate.openForAttacker();
			const attacked = await attack;
			gate = undefined;
			outcomes.push(attacked.ok ? 'OK' : attacked.problem.code);
			expect(decision.ok).toBe(true);
			const instance = await h.ok(employee, 'workflow.instance.get', { instanceId });
			expect(instance).toMatchObject({ currentStepKey: 'submit', context: { amount: 50 } });
		}
		expect(outcomes.filter((c) => c === 'OK')).toEqual([]);
		for (const code of outcomes)
			expect(['FORBIDDEN', 'INVALID_ACTION', 'CONFLICT']).toContain(code);
	});

	it('raced freely, the SUBMIT of a non-assignee never changes the expense (10 rounds)', async () => {
		for (let round = 0; round < 10; round++) {
			const { instanceId, requestId } = await expenseAtManager(h);
			const [attacked, decision] = await Promise.all([
				h.call(finance, 'workflow.instance.transition', {
					instanceId,
					action: 'SUBMIT',
					data: { amount: 99999 },
				}),
				h.call(manager, 'workflow.approval.decide', { requestId, decision: 'REQUEST_CHANGES' }),
			]);
			expect(attacked.ok).toBe(false);
			const instance = await h.ok(employee, 'workflow.instance.get', { instanceId });
			expect(instance.context).toMatchObject({ amount: 50 });
			// The manager's decision may lose to nothing here: the attacker only read.
			expect(decision.ok).toBe(true);
		}
	});
});
