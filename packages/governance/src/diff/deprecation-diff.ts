// The deprecation lifecycle in a diff: a removal is judged against the sunset and the policy's
// shortest deprecation period; a changed notice is judged by what it does to the sunset.
import type { ContractSpec, Deprecation } from '@charter/spec';
import type { Emit } from './diff-rules.ts';

/** What judging a deprecation needs: today and the policy's shortest deprecation period. */
export interface DeprecationPolicy {
	readonly now: Date;
	/** Fewest days from deprecation to sunset; 0 for no minimum. */
	readonly minimumDays: number;
}

const DAY = 86_400_000;

function dateOf(value: string | undefined): number {
	return value ? Date.parse(value) : Number.NaN;
}

function isDeprecated(spec: ContractSpec): boolean {
	return spec.meta.stability === 'deprecated' || spec.meta.deprecation !== undefined;
}

/**
 * Judges a removed contract: breaking without a prior deprecation, before its sunset, or when
 * it was deprecated (`since`, a date) for fewer days than the policy requires; dangerous when it
 * had no sunset date; info once past a sunset that kept the policy.
 */
export function judgeRemoval(spec: ContractSpec, emit: Emit, policy: DeprecationPolicy): void {
	const { key, version, deprecation } = spec.meta;
	const what = `${spec.kind} ${key}@${version} was removed`;
	if (!isDeprecated(spec)) {
		emit('contract-removed', '$', `${what} without prior deprecation`);
		return;
	}
	const sunset = dateOf(deprecation?.sunset);
	if (Number.isNaN(sunset)) {
		emit('contract-removed', '$', `${what}; it was deprecated but had no sunset date`, {
			severity: 'dangerous',
		});
		return;
	}
	if (sunset > policy.now.getTime()) {
		emit('contract-removed', '$', `${what} before its sunset ${deprecation?.sunset}`);
		return;
	}
	const since = dateOf(deprecation?.since);
	const period = Math.floor((sunset - since) / DAY);
	if (!Number.isNaN(since) && period < policy.minimumDays) {
		emit(
			'contract-removed',
			'$',
			`${what} after a deprecation of ${period} day(s) (${deprecation?.since} to ${deprecation?.sunset}); the policy requires ${policy.minimumDays}`,
		);
		return;
	}
	emit('contract-removed', '$', `${what}, past its sunset ${deprecation?.sunset}`, {
		severity: 'info',
	});
}

/**
 * Judges a changed deprecation notice: a sunset moved earlier is dangerous; a new or moved
 * sunset closer than the policy's minimum period (from today) is breaking; anything else
 * (reason, replacement, a later sunset) is info.
 */
export function diffDeprecation(
	a: ContractSpec,
	b: ContractSpec,
	emit: Emit,
	policy: DeprecationPolicy,
): void {
	const da: Deprecation | undefined = a.meta.deprecation;
	const db: Deprecation | undefined = b.meta.deprecation;
	if (JSON.stringify(da) === JSON.stringify(db)) return;
	const path = '$.meta.deprecation';
	const before = dateOf(da?.sunset);
	const after = dateOf(db?.sunset);
	const sunsetMoved = !Number.isNaN(after) && before !== after;
	if (sunsetMoved && policy.minimumDays > 0) {
		const days = Math.floor((after - policy.now.getTime()) / DAY);
		if (days < policy.minimumDays) {
			emit(
				'deprecation-too-short',
				`${path}.sunset`,
				`sunset ${db?.sunset} is ${days} day(s) away; the policy requires a deprecation period of ${policy.minimumDays}`,
				{ before: da?.sunset, after: db?.sunset },
			);
			return;
		}
	}
	if (!Number.isNaN(before) && !Number.isNaN(after) && after < before) {
		emit(
			'sunset-moved-earlier',
			`${path}.sunset`,
			`sunset moved earlier ${da?.sunset} -> ${db?.sunset}`,
			{ before: da?.sunset, after: db?.sunset },
		);
		return;
	}
	emit('deprecation-changed', path, 'deprecation notice changed', { before: da, after: db });
}
