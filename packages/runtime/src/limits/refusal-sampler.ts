import type { Logger } from '../logging/logger.ts';

/**
 * Decides which refusals of anonymous callers are audited one by one: the first of each
 * operation and code in a window; the rest are counted and the count logged when the window
 * turns. A flood of anonymous calls so writes a bounded number of audit rows.
 */
export class RefusalSampler {
	readonly #windows = new Map<string, { endsAt: number; suppressed: number }>();

	constructor(
		private readonly logger: Logger,
		private readonly windowMs = 10_000,
	) {}

	/** True when this refusal gets its own audit record. */
	keep(operation: string, code: string, now: number): boolean {
		const key = `${operation} ${code}`;
		const window = this.#windows.get(key);
		if (window && window.endsAt > now) {
			window.suppressed++;
			return false;
		}
		if (window && window.suppressed > 0) {
			this.logger.warn(
				{ operation, code, suppressed: window.suppressed, windowMs: this.windowMs },
				'anonymous refusals past the first of their window were not audited one by one',
			);
		}
		this.#windows.set(key, { endsAt: now + this.windowMs, suppressed: 0 });
		return true;
	}
}
