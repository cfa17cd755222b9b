import { describe, expect, it } from 'vitest';
import { dueTimers, type TimerSubject } from './timer-schedule.ts';

const T0 = '2026-01-05T08:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const base: TimerSubject = { status: 'WAITING', stepType: 'TASK', stepEnteredAt: T0, requests: [] };
const pending = (id: string, extra: Partial<TimerSubject['requests'][number]> = {}) => ({
	id,
	status: 'PENDING' as const,
	createdAt: T0,
	...extra,
});

describe('dueTimers', () => {
	it('elapses a WAIT step exactly at its duration, not a second before', () => {
		const wait = { ...base, stepType: 'WAIT' as const, waitSeconds: 3600 };
		expect(dueTimers(wait, at(3599))).toEqual([]);
		expect(dueTimers(wait, at(3600))).toEqual([{ kind: 'WAIT_ELAPSED', dueAt: at(3600) }]);
	});

	it('times out a TASK or APPROVAL step, and the timeout wins over request timers', () => {
		const approval = {
			...base,
			stepType: 'APPROVAL' as const,
			timeoutSeconds: 60,
			escalateAfterSeconds: 30,
			requests: [pending('apr-1', { expiresAt: at(10) })],
		};
		expect(dueTimers(approval, at(60))).toEqual([{ kind: 'STEP_TIMEOUT', dueAt: at(60) }]);
		expect(dueTimers({ ...base, timeoutSeconds: 60 }, at(59))).toEqual([]);
	});

	it('expires and escalates pending requests, earliest first; decided ones have no timer', () => {
		const approval: TimerSubject = {
			...base,
			stepType: 'APPROVAL',
			escalateAfterSeconds: 100,
			requests: [
				pending('apr-1'),
				pending('apr-2', { expiresAt: at(50) }),
				pending('apr-3', { escalatedAt: at(100) }),
				{ ...pending('apr-4'), status: 'APPROVED' },
			],
		};
		expect(dueTimers(approval, at(100))).toEqual([
			{ kind: 'EXPIRE', requestId: 'apr-2', dueAt: at(50) },
			{ kind: 'ESCALATE', requestId: 'apr-1', dueAt: at(100) },
		]);
	});

	it('reports nothing for a finished instance, and still reports a paused one (the sweep holds it)', () => {
		const wait = { ...base, stepType: 'WAIT' as const, waitSeconds: 1 };
		expect(dueTimers({ ...wait, status: 'COMPLETED' }, at(10))).toEqual([]);
		expect(dueTimers({ ...wait, status: 'PAUSED' }, at(10))).toHaveLength(1);
	});

	it('gives no timer to steps without durations', () => {
		expect(
			dueTimers({ ...base, stepType: 'APPROVAL', requests: [pending('apr-1')] }, at(1e9)),
		).toEqual([]);
	});
});
