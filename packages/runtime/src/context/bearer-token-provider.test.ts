import { describe, expect, it } from 'vitest';
import { bearerTokenProvider } from './bearer-token-provider.ts';

describe('bearerTokenProvider', () => {
	const provider = bearerTokenProvider({ tokens: { tok: { id: 'u1', roles: ['admin'] } } });

	it('maps a known bearer token to its principal, lists defaulted', async () => {
		expect(await provider({ headers: { authorization: 'Bearer tok' } })).toEqual({
			id: 'u1',
			roles: ['admin'],
			permissions: [],
		});
	});

	it('treats a missing Authorization header as anonymous', async () => {
		expect(await provider({ headers: {} })).toBeUndefined();
	});

	it.each(['Bearer nope', 'Basic dTpw', 'Bearer'])(
		'refuses %j as UNAUTHENTICATED',
		(authorization) => {
			expect(() => provider({ headers: { authorization } })).toThrowError(
				expect.objectContaining({ code: 'UNAUTHENTICATED' }),
			);
		},
	);
});
