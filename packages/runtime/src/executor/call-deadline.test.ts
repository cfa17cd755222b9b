import { describe, expect, it, vi } from 'vitest';
import { CallDeadline } from './call-deadline.ts';

const never = new Promise<never>(() => {});

describe('CallDeadline', () => {
	it('rejects the race with a TimeoutError at the deadline and aborts a signal read before', async () => {
		const deadline = new CallDeadline(undefined, 20);
		const signal = deadline.signal;
		await expect(deadline.race(never)).rejects.toMatchObject({ name: 'TimeoutError' });
		expect(signal.aborted).toBe(true);
		expect(deadline.aborted).toBe(true);
		deadline.dispose();
	});

	it('rejects with the caller reason when the caller aborts, and a signal read after is aborted', async () => {
		const caller = new AbortController();
		const deadline = new CallDeadline(caller.signal, 10_000);
		const racing = deadline.race(never);
		caller.abort();
		await expect(racing).rejects.toMatchObject({ name: 'AbortError' });
		expect(deadline.signal.aborted).toBe(true);
		deadline.dispose();
	});

	it('starts aborted when the caller already is', async () => {
		const caller = new AbortController();
		caller.abort();
		const deadline = new CallDeadline(caller.signal, 10_000);
		await expect(deadline.race(Promise.resolve(1))).rejects.toMatchObject({ name: 'AbortError' });
		deadline.dispose();
	});

	it('settles like the work when it ends first, and stops listening once disposed', async () => {
		const caller = new AbortController();
		const deadline = new CallDeadline(caller.signal, 10_000);
		await expect(deadline.race(Promise.resolve('done'))).resolves.toBe('done');
		await expect(deadline.race(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		deadline.dispose();
		caller.abort();
		expect(deadline.aborted).toBe(false);
	});
	it('counts as aborted once the caller aborts, without a race listening to it', () => {
		const caller = new AbortController();
		const deadline = new CallDeadline(caller.signal, 10_000);
		expect(deadline.aborted).toBe(false);
		caller.abort();
		expect(deadline.aborted).toBe(true);
		expect(deadline.reason).toMatchObject({ name: 'AbortError' });
		deadline.dispose();
	});

	it('counts as aborted once its time has passed, even before any timer could fire', () => {
		const deadline = new CallDeadline(undefined, 5);
		expect(deadline.aborted).toBe(false);
		const until = performance.now() + 10;
		while (performance.now() < until) {
			// busy: the event loop does not turn
		}
		expect(deadline.aborted).toBe(true);
		expect(deadline.reason).toMatchObject({ name: 'TimeoutError' });
		expect(deadline.signal.aborted).toBe(true);
		deadline.dispose();
	});

	it('aborts a signal read early at the deadline', async () => {
		const deadline = new CallDeadline(undefined, 15);
		const signal = deadline.signal;
		await new Promise((resolve) => signal.addEventListener('abort', resolve));
		expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
		deadline.dispose();
	});

	it('watches nothing once disposed: a signal read after the call starts no timer', () => {
		vi.useFakeTimers();
		try {
			const caller = new AbortController();
			const deadline = new CallDeadline(caller.signal, 10_000);
			deadline.dispose();
			expect(deadline.signal.aborted).toBe(false);
			expect(vi.getTimerCount()).toBe(0);
		} finally {
			vi.useRealTimers();
		}
	});
});
