import { defineApp } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import { chooseTokenSource } from './token-source.ts';

const app = defineApp({
	tokens: { 'admin-token': { id: 'ada', roles: ['admin'] } },
	create: () => ({ bindings: [] }),
});
const call = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** What a provider gives or throws, as a word. */
async function outcome(call: () => unknown): Promise<string> {
	try {
		const principal = (await call()) as { id?: string } | undefined;
		return principal?.id ?? 'anonymous';
	} catch (error) {
		return (error as { code?: string }).code ?? String(error);
	}
}

describe('chooseTokenSource', () => {
	it('serves the demo tokens in development, and says so', async () => {
		const source = chooseTokenSource(app, {});
		expect(source.kind).toBe('demo');
		expect(source.description).toMatch(/^DEMO TOKENS/);
		expect(await outcome(() => source.provider(call('admin-token')))).toBe('ada');
	});

	it('refuses the demo tokens when NODE_ENV=production, unless CHARTER_DEMO_TOKENS=true', async () => {
		const production = chooseTokenSource(app, { NODE_ENV: 'production' });
		expect(production.kind).toBe('none');
		expect(production.description).toContain('NODE_ENV=production');
		expect(await outcome(() => production.provider(call('admin-token')))).toBe('UNAUTHENTICATED');
		expect(await outcome(() => production.provider({ headers: {} }))).toBe('anonymous');
		const enabled = chooseTokenSource(app, { NODE_ENV: 'production', CHARTER_DEMO_TOKENS: 'true' });
		expect(await outcome(() => enabled.provider(call('admin-token')))).toBe('ada');
		expect(() => chooseTokenSource(app, { CHARTER_DEMO_TOKENS: 'yes' })).toThrow(
			/CHARTER_DEMO_TOKENS yes/,
		);
	});

	it('verifies JWTs when CHARTER_JWT_ISSUER is set, and then never takes a demo token', async () => {
		const source = chooseTokenSource(app, {
			CHARTER_JWT_ISSUER: 'http://127.0.0.1:9',
			CHARTER_JWT_AUDIENCE: 'api',
			CHARTER_JWT_JWKS_URL: 'http://127.0.0.1:9/jwks',
		});
		expect(source.kind).toBe('jwt');
		expect(source.description).toBe(
			'JWT from http://127.0.0.1:9 (audience api; keys from http://127.0.0.1:9/jwks)',
		);
		expect(await outcome(() => source.provider(call('admin-token')))).toBe('UNAUTHENTICATED');
		expect(() => chooseTokenSource(app, { CHARTER_JWT_ISSUER: 'https://idp' })).toThrow(
			/CHARTER_JWT_AUDIENCE/,
		);
	});

	it("keeps the app's own context provider whatever the environment", () => {
		const own = defineApp({ contextProvider: () => undefined, create: () => ({ bindings: [] }) });
		expect(chooseTokenSource(own, { NODE_ENV: 'production' }).kind).toBe('app');
	});
});
