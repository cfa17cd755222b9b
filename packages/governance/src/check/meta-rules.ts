import { isSemver, KEY_PATTERN, type Meta, STABILITIES } from '@charter/spec';
import type { CheckContext } from './check-context.ts';

/** Checks every contract's header: key, version, uniqueness, stability, owners, texts, deprecation. */
export function checkMeta(ctx: CheckContext): void {
	const seen = new Map<string, string | undefined>();
	for (const entry of ctx.entries) {
		const meta = (entry.spec.meta ?? {}) as Partial<Meta>;
		const isOperation = entry.spec.kind === 'command' || entry.spec.kind === 'query';
		if (typeof meta.key !== 'string' || !KEY_PATTERN.test(meta.key)) {
			ctx.report(
				'key-format',
				entry,
				'meta.key',
				`${JSON.stringify(meta.key)} is not a valid key: use dotted lowercase segments like "billing.invoice.create"`,
			);
		}
		if (typeof meta.version !== 'string' || !isSemver(meta.version)) {
			ctx.report(
				'semver-version',
				entry,
				'meta.version',
				`${JSON.stringify(meta.version)} is not a semantic version like "1.0.0"`,
			);
		}
		const namespace = isOperation ? 'operation' : entry.spec.kind;
		const id = `${namespace}:${meta.key}@${meta.version}`;
		if (seen.has(id)) {
			const first = seen.get(id);
			ctx.report(
				'unique-key-version',
				entry,
				'meta.version',
				`${meta.key}@${meta.version} is already defined${first ? ` in ${first}` : ''}: bump the version or rename one`,
			);
		} else {
			seen.set(id, entry.file);
		}
		if (!STABILITIES.includes(meta.stability as never)) {
			ctx.report(
				'stability-value',
				entry,
				'meta.stability',
				`${JSON.stringify(meta.stability)} is not one of ${STABILITIES.join(', ')}`,
			);
		}
		if (!Array.isArray(meta.owners) || meta.owners.length === 0) {
			const stable = meta.stability === 'stable';
			ctx.report(
				'owners-required',
				entry,
				'meta.owners',
				`no owners: name the team or people who answer for this contract${stable ? ' (required for stable contracts)' : ''}`,
				stable ? undefined : 'warning',
			);
		}
		if (entry.spec.kind !== 'feature' && !meta.description?.trim()) {
			ctx.report('description-required', entry, 'meta.description', 'no description');
		}
		if (isOperation && !meta.goal?.trim()) {
			ctx.report('goal-required', entry, 'meta.goal', 'no goal: say why a caller would use it');
		}
		if (meta.stability === 'deprecated') {
			const d = meta.deprecation;
			const missing = [
				!d?.reason?.trim() && 'a reason',
				!d?.replacedBy?.trim() && !d?.sunset?.trim() && 'a replacedBy or a sunset date',
			].filter(Boolean);
			if (missing.length > 0) {
				ctx.report(
					'deprecation-complete',
					entry,
					'meta.deprecation',
					`deprecated without ${missing.join(' and ')}`,
				);
			}
			if (d?.sunset && Number.isNaN(Date.parse(d.sunset))) {
				ctx.report(
					'deprecation-complete',
					entry,
					'meta.deprecation.sunset',
					`${JSON.stringify(d.sunset)} is not an ISO date`,
				);
			}
		}
	}
}
