import type { CallerSignal } from './invocation.ts';

/**
 * The deadline of one invocation: it ends at the timeout (a `TimeoutError`) or when the
 * caller's signal aborts, whichever comes first.
 *
 * The handler's `AbortSignal` is only made when a handler reads it: most never do, and an
 * `AbortController` per call (with `AbortSignal.timeout` and `AbortSignal.any`, which also
 * kept a 30 s timer alive per call) was a large share of the pipeline's own cost.
 */
export class CallDeadline {
	#controller: AbortController | undefined;
	#aborted = false;
	#reason: unknown;
	#reject: ((reason: unknown) => void) | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** When the deadline ends, on the `performance.now()` clock. */
	readonly #endsAt: number;
	readonly #caller: CallerSignal | undefined;
	readonly #onCallerAbort: (() => void) | undefined;

	constructor(caller: CallerSignal | undefined, timeoutMs: number) {
		this.#caller = caller;
		// No timer yet: a timer can only fire while something awaits, so it is started by
		// `race` or `signal`; a synchronous handler is checked against the clock instead.
		this.#endsAt = performance.now() + timeoutMs;
		if (caller?.aborted) this.#abort(caller.reason);
		else if (caller) {
			// Assigned here, not as a field initializer: tsx names an initializer arrow with an
			// Object.defineProperty on every instance, i.e. every call.
			this.#onCallerAbort = () => this.#abort(caller.reason);
			caller.addEventListener('abort', this.#onCallerAbort, { once: true });
		}
	}

	/** The signal handed to the handler, made on first use; it aborts at the deadline. */
	get signal(): AbortSignal {
		if (!this.#controller) {
			this.#controller = new AbortController();
			if (this.aborted) this.#controller.abort(this.#reason);
			else this.#startTimer();
		}
		return this.#controller.signal;
	}

	/** True once the caller aborted or the deadline passed (checked against the clock too). */
	get aborted(): boolean {
		if (!this.#aborted && performance.now() >= this.#endsAt) this.#timeOut();
		return this.#aborted;
	}

	get reason(): unknown {
		return this.#reason;
	}

	/** Settles like `work`, or rejects with the abort reason when the deadline ends first. */
	race<T>(work: Promise<T>): Promise<T> {
		if (this.aborted) return Promise.reject(this.#reason);
		work.catch(() => {}); // a handler that fails after the deadline must not crash the process
		this.#startTimer();
		return new Promise<T>((resolve, reject) => {
			this.#reject = reject;
			work.then(resolve, reject);
		});
	}

	/** Clears the timer and the caller listener once the call is over. */
	dispose(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		if (this.#onCallerAbort) this.#caller?.removeEventListener('abort', this.#onCallerAbort);
		this.#reject = undefined;
	}

	#startTimer(): void {
		if (this.#timer !== undefined || this.#aborted) return;
		this.#timer = setTimeout(
			() => this.#timeOut(),
			Math.max(0, Math.ceil(this.#endsAt - performance.now())),
		);
		this.#timer.unref();
	}

	#timeOut(): void {
		this.#abort(new DOMException('The invocation timed out', 'TimeoutError'));
	}

	#abort(reason: unknown): void {
		if (this.#aborted) return;
		this.#aborted = true;
		this.#reason = reason;
		this.#controller?.abort(reason);
		this.#reject?.(reason);
	}
}
