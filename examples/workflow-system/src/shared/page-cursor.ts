import { ContractError } from '@charter/runtime';
import type { Window } from '../store/workflow-repository.ts';

const PREFIX = 'o:';

/**
 * Turns a list input's `cursor` and `limit` into a window; a cursor this API did not issue is
 * INVALID_CURSOR (400).
 */
export function windowOf(cursor: string | undefined, limit: number | undefined): Window {
	const size = limit ?? 20;
	if (cursor === undefined) return { offset: 0, limit: size };
	const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
	const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : Number.NaN;
	if (
		!Number.isSafeInteger(offset) ||
		offset < 0 ||
		Buffer.from(decoded).toString('base64url') !== cursor
	) {
		throw new ContractError('INVALID_CURSOR', 'the cursor is not one this API issued');
	}
	return { offset, limit: size };
}

/**
 * Builds a page from one more item than the window asked for: the extra item only tells that
 * a next page exists.
 */
export function pageOf<T>(
	items: readonly T[],
	window: Window,
): { items: T[]; nextCursor: string | null } {
	const more = items.length > window.limit;
	return {
		items: items.slice(0, window.limit),
		nextCursor: more
			? Buffer.from(`${PREFIX}${window.offset + window.limit}`).toString('base64url')
			: null,
	};
}

/** The window to ask a repository for: one more item, to know whether a next page exists. */
export function probeOf(window: Window): Window {
	return { offset: window.offset, limit: window.limit + 1 };
}
