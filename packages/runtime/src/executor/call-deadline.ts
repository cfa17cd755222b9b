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
	#onCallerAbort: (() => void) | undefined;
	/** Set by `dispose`: the call is over, the caller is no longer watched. */
	#disposed = false;

	constructor(caller: CallerSignal | undefined, timeoutMs: number) {
		this.#caller = caller;
		// No timer and no listener on the caller yet: both are only needed while something
		// awaits (`race`) or holds the handler's signal; a synchronous handler is checked
		// against the clock and the caller's `aborted` instead.
		this.#endsAt = performance.now() + timeoutMs;
	}

	/** The signal handed to the handler, made on first use; it aborts at the deadline. */
	get signal(): AbortSignal {
		if (!this.#controller) {
			this.#controller = new AbortController();
			if (this.aborted) this.#controller.abort(this.#reason);
			else this.#watch();
		}
		return this.#controller.signal;
	}

	/** True once the caller aborted or the deadline passed (both checked now too). */
	get aborted(): boolean {
		if (!this.#aborted) {
			if (!this.#disposed && this.#caller?.aborted) this.#abort(this.#caller.reason);
			else if (performance.now() >= this.#endsAt) this.#timeOut();
		}
		return this.#aborted;
	}

	get reason(): unknown {
		return this.#reason;
	}

	/** Settles like `work`, or rejects with the abort reason when the deadline ends first. */
	race<T>(work: Promise<T>): Promise<T> {
		if (this.aborted) return Promise.reject(this.#reason);
		work.catch(() => {}); // a handler that fails after the deadline must not crash the process
		this.#watch();
		return new Promise<T>((resolve, reject) => {
			this.#reject = reject;
			work.then(resolve, reject);
		});
	}

	/** Clears the timer and the caller listener once the call is over. */
	dispose(): void {
		this.#disposed = true;
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		if (this.#onCallerAbort) this.#caller?.removeEventListener('abort', this.#onCallerAbort);
		this.#reject = undefined;
	}

	/** Starts the timer and listens to the caller, once, while the call can still abort. */
	#watch(): void {
		// After dispose (a handler reading ctx.signal once the call is over) nothing is watched.
		if (this.#timer !== undefined || this.#aborted || this.#disposed) return;
		const caller = this.#caller;
		if (caller) {
			// Assigned here, not as a field initializer: tsx names an initializer arrow with an
			// Object.defineProperty on every instance.
			this.#onCallerAbort = () => this.#abort(caller.reason);
			caller.addEventListener('abort', this.#onCallerAbort, { once: true });
		}
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
