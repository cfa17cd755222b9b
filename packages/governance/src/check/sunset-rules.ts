import type { CheckContext } from './check-context.ts';

const DAY = 86_400_000;

/** When `charter check` starts warning ahead of a sunset, by default. */
export const SUNSET_WARNING_DAYS = 30;

/**
 * Lists every deprecated contract with its sunset: an info line while the sunset is far, a
 * warning within `warningDays` of it, and an error once it has passed (the contract should be
 * gone by then: its callers were told so by the Sunset header, `@deprecated` and the docs).
 */
export function checkSunsets(ctx: CheckContext, now: Date, warningDays: number): void {
	for (const entry of ctx.entries) {
		const meta = entry.spec.meta;
		if (!meta || (meta.stability !== 'deprecated' && !meta.deprecation)) continue;
		const d = meta.deprecation;
		const replaced = d?.replacedBy ? `, replaced by ${d.replacedBy}` : '';
		const sunset = d?.sunset ? Date.parse(d.sunset) : Number.NaN;
		if (Number.isNaN(sunset)) {
			ctx.report(
				'deprecated-contract',
				entry,
				'meta.deprecation',
				`deprecated, no sunset date${replaced}`,
			);
			continue;
		}
		const days = Math.ceil((sunset - now.getTime()) / DAY);
		if (days <= 0) {
			ctx.report(
				'sunset-passed',
				entry,
				'meta.deprecation.sunset',
				`its sunset ${d?.sunset} has passed (${-days} day(s) ago): remove it${replaced}`,
			);
		} else {
			ctx.report(
				'deprecated-contract',
				entry,
				'meta.deprecation.sunset',
				`deprecated, sunset ${d?.sunset} (in ${days} day(s))${replaced}`,
				days <= warningDays ? 'warning' : 'info',
			);
		}
	}
}
