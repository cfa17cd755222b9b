import type { AuditFilter, AuditStore, Principal } from '@charter/runtime';
import type { AuditPage, AuditRecordView } from '../api/studio-api.ts';

const MAX_PAGE = 200;

/** A query parameter that is not what the audit filter takes. */
export class AuditQueryError extends Error {}

/**
 * Reads the audit explorer's filters from a query string (operation, principal, outcome, code,
 * trace, callertrace, since, until, before, limit) into a store filter. The tenant is always the viewer's:
 * a viewer of one tenant never sees another tenant's records, whatever the query says.
 */
export function auditFilterOf(query: URLSearchParams, viewer: Principal): AuditFilter {
	const text = (name: string) => {
		const value = query.get(name)?.trim();
		return value ? value : undefined;
	};
	const instant = (name: string) => {
		const value = text(name);
		if (value === undefined) return undefined;
		if (Number.isNaN(Date.parse(value)))
			throw new AuditQueryError(`${name}=${value} is not an ISO 8601 instant`);
		return value;
	};
	const whole = (name: string, max?: number) => {
		const value = text(name);
		if (value === undefined) return undefined;
		const n = Number(value);
		if (!Number.isInteger(n) || n < 1 || (max !== undefined && n > max))
			throw new AuditQueryError(
				`${name}=${value} is not a whole number from 1${max ? ` to ${max}` : ''}`,
			);
		return n;
	};
	const outcome = text('outcome');
	if (outcome !== undefined && outcome !== 'ok' && outcome !== 'problem')
		throw new AuditQueryError(`outcome=${outcome}: use ok or problem`);
	const tenant = text('tenant');
	if (tenant !== undefined && tenant !== (viewer.tenant ?? ''))
		throw new AuditQueryError(`tenant=${tenant}: you can only read the records of your tenant`);
	const filter: Record<string, unknown> = {
		tenant: viewer.tenant ?? null,
		operation: text('operation'),
		principal: text('principal'),
		outcome,
		resultCode: text('code'),
		traceId: text('trace'),
		callerTraceId: text('callertrace'),
		since: instant('since'),
		until: instant('until'),
		beforeSeq: whole('before'),
		limit: whole('limit', MAX_PAGE) ?? 50,
	};
	for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
	return filter as AuditFilter;
}

/** Lists a page of audit records, newest first, with the cursor of the next (older) page. */
export async function auditPage(store: AuditStore, filter: AuditFilter): Promise<AuditPage> {
	const limit = filter.limit ?? 50;
	// One more than asked tells whether an older page exists.
	const rows = (await store.list({ ...filter, limit: limit + 1 })) as AuditRecordView[];
	const more = rows.length > limit;
	const items = rows.slice(more ? 1 : 0).reverse();
	const last = items.at(-1);
	return more && last?.seq !== undefined ? { items, nextBefore: last.seq } : { items };
}
