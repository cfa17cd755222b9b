import { describe, expect, it } from 'vitest';
import {
	canApply,
	INSTANCE_STATUSES,
	type InstanceCommand,
} from '../src/domain/instance-state-machine.ts';
import { admin, createHarness, employee, type Harness, manager } from './workflow-harness.ts';

/** Each command contract, the state-machine command it applies, and how to call it. */
const COMMANDS: {
	operation: string;
	command: InstanceCommand;
	onApproval: boolean;
	call: (h: Harness, instanceId: string) => Promise<string>;
}[] = [
	{
		operation: 'workflow.instance.transition',
		command: 'TRANSITION',
		onApproval: false,
		call: (h, instanceId) =>
			h.codeOf(employee, 'workflow.instance.transition', { instanceId, action: 'SUBMIT' }),
	},
	{
		operation: 'workflow.approval.decide',
		command: 'DECIDE',
		onApproval: true,
		call: async (h, instanceId) => {
			const requestId = `apr-${instanceId.split('-')[1]}`;
			return h.codeOf(manager, 'workflow.approval.decide', { requestId, decision: 'APPROVE' });
		},
	},
	{
		operation: 'workflow.instance.pause',
		command: 'PAUSE',
		onApproval: false,
		call: (h, instanceId) => h.codeOf(admin, 'workflow.instance.pause', { instanceId }),
	},
	{
		operation: 'workflow.instance.resume',
		command: 'RESUME',
		onApproval: false,
		call: (h, instanceId) => h.codeOf(admin, 'workflow.instance.resume', { instanceId }),
	},
	{
		operation: 'workflow.instance.cancel',
		command: 'CANCEL',
		onApproval: true,
		call: (h, instanceId) => h.codeOf(employee, 'workflow.instance.cancel', { instanceId }),
	},
];

const cases = INSTANCE_STATUSES.flatMap((status) =>
	COMMANDS.map((c) => ({
		status,
		...c,
		expected: canApply(status, c.command) ? 'OK' : 'INVALID_STATE',
	})),
);

describe('status x command matrix through the executor', () => {
	it.each(
		cases.map((c) => [`${c.operation} on a ${c.status} instance is ${c.expected}`, c] as const),
	)('%s', async (_name, c) => {
		const h = await createHarness();
		await h.publish();
		// inst-1 waits on submit; with onApproval it is submitted, so apr-1 waits on the manager.
		const id = await h.start();
		if (c.onApproval)
			await h.ok(employee, 'workflow.instance.transition', { instanceId: id, action: 'SUBMIT' });
		await h.force(id, c.status);
		const before = await h.ok(admin, 'workflow.instance.get', { instanceId: id });
		const code = await c.call(h, id);
		expect(code).toBe(c.expected);
		if (code === 'INVALID_STATE') {
			// Refused means untouched.
			expect(await h.ok(admin, 'workflow.instance.get', { instanceId: id })).toEqual(before);
		}
	});

	it('pause twice returns the paused instance unchanged and emits one event', async () => {
		const h = await createHarness();
		await h.publish();
		const id = await h.start();
		const first = await h.call(admin, 'workflow.instance.pause', {
			instanceId: id,
			reason: 'Audit',
		});
		const second = await h.call(admin, 'workflow.instance.pause', { instanceId: id });
		if (!first.ok || !second.ok) throw new Error('pause failed');
		expect(first.events.map((e) => e.type)).toEqual(['workflow.instance.paused']);
		expect(second.events).toEqual([]);
		expect(second.output).toEqual(first.output);
		// The event shows the instance as saved: same revision as the output.
		expect(first.events[0]!.data).toEqual(first.output);
		expect(second.output).toMatchObject({ status: 'PAUSED', previousStatus: 'WAITING' });
	});

	it('resume restores the status remembered at pause and clears it', async () => {
		const h = await createHarness();
		await h.publish();
		const id = await h.start();
		await h.ok(admin, 'workflow.instance.pause', { instanceId: id });
		const resumed = await h.call(admin, 'workflow.instance.resume', { instanceId: id });
		if (!resumed.ok) throw new Error(resumed.problem.code);
		expect(resumed.output).toMatchObject({
			status: 'WAITING',
			previousStatus: null,
			pauseReason: null,
		});
		expect(resumed.events.map((e) => e.type)).toEqual(['workflow.instance.resumed']);
		const again = await h.call(admin, 'workflow.instance.resume', { instanceId: id });
		expect(again.ok && again.events).toEqual([]);
	});

	it('holds the timers of a paused instance and fires them after resume', async () => {
		const h = await createHarness();
		await h.publish();
		const id = await h.start();
		await h.ok(admin, 'workflow.instance.pause', { instanceId: id });
		const sweep = { now: '2026-01-20T00:00:00.000Z' };
		expect(await h.ok(admin, 'workflow.timer.sweep', sweep)).toMatchObject({
			stepsTimedOut: 0,
			skippedPaused: 1,
			instanceIds: [],
		});
		await h.ok(admin, 'workflow.instance.resume', { instanceId: id });
		expect(await h.ok(admin, 'workflow.timer.sweep', sweep)).toMatchObject({
			stepsTimedOut: 1,
			instanceIds: [id],
		});
		expect(await h.ok(admin, 'workflow.instance.get', { instanceId: id })).toMatchObject({
			status: 'TIMEOUT',
		});
		expect(await h.codeOf(admin, 'workflow.instance.pause', { instanceId: id })).toBe(
			'INVALID_STATE',
		);
	});
});
