import { describe, expect, it } from 'vitest';
import {
	applyInstanceCommand,
	INSTANCE_COMMANDS,
	INSTANCE_STATUSES,
	type InstanceCommand,
	type InstanceStatus,
} from './instance-state-machine.ts';

/**
 * The expected matrix, written out by hand: `-` is INVALID_STATE, `=` is allowed with the
 * status unchanged, `noop` is allowed without change (idempotent), `prev` restores the
 * status remembered at pause.
 */
// biome-ignore format: the matrix reads best one row per status
const EXPECTED: Record<InstanceStatus, Record<InstanceCommand, string>> = {
	PENDING: { START: 'RUNNING', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: '-', RESUME: '-', CANCEL: 'CANCELLED', COMPLETE: '-', FAIL: 'FAILED', TIME_OUT: '-' },
	RUNNING: { START: '-', WAIT: 'WAITING', WAKE: '-', TRANSITION: 'RUNNING', DECIDE: '=', TIMER: '=', PAUSE: 'PAUSED', RESUME: 'noop', CANCEL: 'CANCELLED', COMPLETE: 'COMPLETED', FAIL: 'FAILED', TIME_OUT: 'TIMEOUT' },
	WAITING: { START: '-', WAIT: '-', WAKE: 'RUNNING', TRANSITION: 'RUNNING', DECIDE: '=', TIMER: '=', PAUSE: 'PAUSED', RESUME: 'noop', CANCEL: 'CANCELLED', COMPLETE: '-', FAIL: 'FAILED', TIME_OUT: 'TIMEOUT' },
	PAUSED: { START: '-', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: 'noop', RESUME: 'prev', CANCEL: 'CANCELLED', COMPLETE: '-', FAIL: '-', TIME_OUT: '-' },
	COMPLETED: { START: '-', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: '-', RESUME: '-', CANCEL: '-', COMPLETE: '-', FAIL: '-', TIME_OUT: '-' },
	CANCELLED: { START: '-', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: '-', RESUME: '-', CANCEL: '-', COMPLETE: '-', FAIL: '-', TIME_OUT: '-' },
	FAILED: { START: '-', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: '-', RESUME: '-', CANCEL: '-', COMPLETE: '-', FAIL: '-', TIME_OUT: '-' },
	TIMEOUT: { START: '-', WAIT: '-', WAKE: '-', TRANSITION: '-', DECIDE: '-', TIMER: '-', PAUSE: '-', RESUME: '-', CANCEL: '-', COMPLETE: '-', FAIL: '-', TIME_OUT: '-' },
};

const cells = INSTANCE_STATUSES.flatMap((status) =>
	INSTANCE_COMMANDS.map((command) => [status, command, EXPECTED[status][command]] as const),
);

describe('instance state machine', () => {
	it('covers all 8 statuses x 12 commands', () => {
		expect(cells).toHaveLength(96);
	});

	it.each(cells)('%s + %s -> %s', (status, command, expected) => {
		const previousStatus = status === 'PAUSED' ? 'WAITING' : null;
		const outcome = applyInstanceCommand({ status, previousStatus }, command);
		if (expected === '-') {
			expect(outcome).toMatchObject({ ok: false, code: 'INVALID_STATE' });
			return;
		}
		if (!outcome.ok)
			throw new Error(`expected ${status} + ${command} to be allowed: ${outcome.message}`);
		const want =
			expected === '=' || expected === 'noop' ? status : expected === 'prev' ? 'WAITING' : expected;
		expect(outcome.status).toBe(want);
		expect(outcome.changed).toBe(expected !== 'noop');
	});

	it('pause from RUNNING remembers RUNNING and resume restores it', () => {
		const paused = applyInstanceCommand({ status: 'RUNNING' }, 'PAUSE');
		expect(paused).toEqual({
			ok: true,
			status: 'PAUSED',
			previousStatus: 'RUNNING',
			changed: true,
		});
		if (!paused.ok) return;
		expect(applyInstanceCommand(paused, 'RESUME')).toEqual({
			ok: true,
			status: 'RUNNING',
			previousStatus: null,
			changed: true,
		});
	});

	it('pause from WAITING remembers WAITING and resume restores it', () => {
		const paused = applyInstanceCommand({ status: 'WAITING' }, 'PAUSE');
		expect(paused).toMatchObject({ status: 'PAUSED', previousStatus: 'WAITING' });
		if (!paused.ok) return;
		expect(applyInstanceCommand(paused, 'RESUME')).toMatchObject({ status: 'WAITING' });
	});

	it('pausing a paused instance keeps the remembered status and reports no change', () => {
		expect(applyInstanceCommand({ status: 'PAUSED', previousStatus: 'RUNNING' }, 'PAUSE')).toEqual({
			ok: true,
			status: 'PAUSED',
			previousStatus: 'RUNNING',
			changed: false,
		});
	});

	it('resuming a paused instance without a remembered status is INVALID_STATE', () => {
		expect(applyInstanceCommand({ status: 'PAUSED' }, 'RESUME')).toMatchObject({
			ok: false,
			code: 'INVALID_STATE',
			message: expect.stringContaining('status before the pause is unknown'),
		});
	});

	it('names the terminal status in the error on a COMPLETED instance', () => {
		expect(applyInstanceCommand({ status: 'COMPLETED' }, 'PAUSE')).toEqual({
			ok: false,
			code: 'INVALID_STATE',
			message: 'the instance is COMPLETED, a terminal status',
		});
	});
});
