import { DEFAULT_RATE_LIMITS, type RateLimitRule, type RateLimits } from '@charter/runtime';
import { UsageError } from '../command.ts';
import type { RateLimitConfig } from '../project/config.ts';

/** The rate limits `charter serve` applies, and where it counts them. */
export interface RateLimitSettings {
	/** The rules; `false` when turned off. */
	readonly limits: Omit<RateLimits, 'store'> | false;
	/** `redis://...` to share counts between nodes; this process's memory when undefined. */
	readonly storeUrl?: string;
}

const MINUTE = 60_000;

/**
 * Resolves the rate limits of `charter serve`, on by default: the `--rate-limit` flag (or
 * `CHARTER_RATE_LIMIT`) over the config's `rateLimits` over {@link DEFAULT_RATE_LIMITS}.
 * The flag is `off`, or `ADDRESS[,PRINCIPAL]`: calls a minute per client address and per
 * principal (0 turns one off). `--rate-limit-store` (or `CHARTER_RATE_LIMIT_STORE`) over the
 * config's `store`: `memory` or a `redis://` URL.
 */
export function resolveRateLimits(
	flag: { readonly value: string; readonly name: string } | undefined,
	store: { readonly value: string; readonly name: string } | undefined,
	config: RateLimitConfig | false | undefined,
): RateLimitSettings {
	const storeUrl = storeOf(store ?? configStore(config));
	const fromConfig: Omit<RateLimits, 'store'> | false =
		config === false ? false : { ...DEFAULT_RATE_LIMITS, ...withoutStore(config) };
	const limits = flag === undefined ? fromConfig : fromFlag(flag, fromConfig);
	return { limits, ...(storeUrl !== undefined ? { storeUrl } : {}) };
}

function fromFlag(
	flag: { readonly value: string; readonly name: string },
	base: Omit<RateLimits, 'store'> | false,
): Omit<RateLimits, 'store'> | false {
	if (flag.value === 'off') return false;
	const match = /^(\d+)(?:,(\d+))?$/.exec(flag.value);
	if (!match)
		throw new UsageError(
			`${flag.name} ${flag.value}: use off, or ADDRESS[,PRINCIPAL] calls a minute (e.g. 1200,600)`,
		);
	const perMinute = (n: string): RateLimitRule | false =>
		Number(n) === 0 ? false : { limit: Number(n), windowMs: MINUTE };
	return {
		...(base === false ? {} : base),
		perAddress: perMinute(match[1]!),
		perPrincipal:
			match[2] === undefined
				? base === false
					? DEFAULT_RATE_LIMITS.perPrincipal
					: (base.perPrincipal ?? false)
				: perMinute(match[2]),
	};
}

function configStore(
	config: RateLimitConfig | false | undefined,
): { value: string; name: string } | undefined {
	return config && config.store !== undefined
		? { value: config.store, name: 'config rateLimits.store' }
		: undefined;
}

function storeOf(store: { value: string; name: string } | undefined): string | undefined {
	if (store === undefined || store.value === 'memory') return undefined;
	if (/^rediss?:\/\//i.test(store.value)) return store.value;
	throw new UsageError(`${store.name} ${store.value}: use memory or a redis:// URL`);
}

function withoutStore(config: RateLimitConfig | undefined): Omit<RateLimits, 'store'> {
	if (config === undefined) return {};
	const { store: _store, ...rules } = config;
	return rules;
}
