import { createProblem } from '@charter/spec';
import type { Principal } from '../context/principal.ts';
import { ProblemSignal } from '../problems/error-mapper.ts';

/** At most `limit` calls per `windowMs`. */
export interface RateLimitRule {
	readonly limit: number;
	readonly windowMs: number;
}

/** Counts calls per key in fixed windows; shared by several nodes when it is a shared store. */
export interface RateLimitStore {
	/** Counts one call of `key` in the current window: the count so far and when the window ends. */
	hit(key: string, windowMs: number): Promise<RateLimitHit> | RateLimitHit;
}

/** One counted call. */
export interface RateLimitHit {
	readonly count: number;
	/** Milliseconds until the window resets. */
	readonly resetMs: number;
}

/** Rate limits of an executor: per client address (before authentication) and per principal. */
export interface RateLimits {
	/** Calls from one network address, counted before authentication (bad tokens included). */
	readonly perAddress?: RateLimitRule | false;
	/** Calls of one signed-in principal (tenant and id). */
	readonly perPrincipal?: RateLimitRule | false;
	/** Tighter (or looser) rules for some operations, by operation key; each counts on its own. */
	readonly operations?: Readonly<
		Record<string, { readonly perAddress?: RateLimitRule; readonly perPrincipal?: RateLimitRule }>
	>;
	/** Where counts live: this process's memory by default; a shared store holds across nodes. */
	readonly store?: RateLimitStore;
}

/** The defaults `charter serve` applies: 1,200 calls per address and 600 per principal a minute. */
export const DEFAULT_RATE_LIMITS = {
	perAddress: { limit: 1200, windowMs: 60_000 },
	perPrincipal: { limit: 600, windowMs: 60_000 },
} as const satisfies RateLimits;

/**
 * Counts calls in fixed windows in this process's memory. Expired windows are swept as keys
 * come and go, so a flood of distinct keys (addresses) cannot grow it past `maxKeys`.
 */
export function createMemoryRateLimitStore(options: { maxKeys?: number } = {}): RateLimitStore {
	const maxKeys = options.maxKeys ?? 100_000;
	const windows = new Map<string, { count: number; resetAt: number }>();
	return {
		hit(key, windowMs) {
			const now = Date.now();
			let window = windows.get(key);
			if (!window || window.resetAt <= now) {
				if (windows.size >= maxKeys) sweep(windows, now, maxKeys);
				window = { count: 0, resetAt: now + windowMs };
				windows.set(key, window);
			}
			window.count++;
			return { count: window.count, resetMs: window.resetAt - now };
		},
	};
}

function sweep(windows: Map<string, { resetAt: number }>, now: number, maxKeys: number) {
	for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
	// Still full of live windows: forget the oldest keys rather than grow (fail open for them).
	for (const key of windows.keys()) {
		if (windows.size < maxKeys) break;
		windows.delete(key);
	}
}

/** Checks the limits of one call; throws a `RATE_LIMITED` problem with `retryAfter` when exceeded. */
export class RateLimiter {
	readonly #store: RateLimitStore;

	constructor(private readonly limits: RateLimits) {
		this.#store = limits.store ?? createMemoryRateLimitStore();
	}

	/** Before authentication: the caller's network address, when the transport knows it. */
	checkAddress(operation: string, address: string | undefined): Promise<void> | undefined {
		if (address === undefined) return undefined;
		return this.#check(
			`address:${address}`,
			this.limits.perAddress,
			operation,
			this.limits.operations?.[operation]?.perAddress,
		);
	}

	/** After authentication: the principal, when there is one. */
	checkPrincipal(operation: string, principal: Principal | undefined): Promise<void> | undefined {
		if (principal === undefined) return undefined;
		return this.#check(
			`principal:${principal.tenant ?? ''}:${principal.id}`,
			this.limits.perPrincipal,
			operation,
			this.limits.operations?.[operation]?.perPrincipal,
		);
	}

	async #check(
		who: string,
		overall: RateLimitRule | false | undefined,
		operation: string,
		own: RateLimitRule | undefined,
	): Promise<void> {
		if (overall) await this.#count(`${who}`, overall, 'calls');
		if (own) await this.#count(`${who}:${operation}`, own, `calls of ${operation}`);
	}

	async #count(key: string, rule: RateLimitRule, what: string): Promise<void> {
		const hit = await this.#store.hit(key, rule.windowMs);
		if (hit.count <= rule.limit) return;
		throw new ProblemSignal(
			createProblem('RATE_LIMITED', {
				detail: `more than ${rule.limit} ${what} in ${rule.windowMs / 1000} s; retry later`,
				retryAfter: Math.max(1, Math.ceil(hit.resetMs / 1000)),
			}),
		);
	}
}
