import type { Problem } from '@charter/react';

/** A Studio API call that failed, with the server's problem document. */
export class StudioError extends Error {
	constructor(readonly problem: Problem) {
		super(problem.detail ?? problem.title);
	}
}

/** Resolves a Studio path (`api/catalog`) against the page: Studio works wherever it is mounted. */
export const studioUrl = (path: string) => new URL(path, document.baseURI).href;

/** Calls Studio's API as the viewer; a refusal throws a `StudioError` with its problem. */
export async function studioFetch<T>(
	path: string,
	token: string | undefined,
	init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
	const response = await fetch(studioUrl(path), {
		method: init.method ?? 'GET',
		headers: {
			accept: 'application/json, application/problem+json',
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
		},
		...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
		...(init.signal ? { signal: init.signal } : {}),
	});
	const data = (await response.json().catch(() => undefined)) as unknown;
	if (!response.ok)
		throw new StudioError(
			(data as Problem | undefined)?.status
				? (data as Problem)
				: {
						type: 'about:blank',
						title: response.statusText || 'Studio could not answer',
						status: response.status,
						code: `HTTP_${response.status}`,
					},
		);
	return data as T;
}
