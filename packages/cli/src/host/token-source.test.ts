import { defineApp } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../args.ts';
import { resolveServerSettings, SETTING_FLAGS } from './server-settings.ts';
import { chooseTokenSource } from './token-source.ts';

const app = defineApp({
	tokens: { 'admin-token': { id: 'ada', roles: ['admin'] } },
	create: () => ({ bindings: [] }),
});
const call = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The token source `charter serve` would choose under these variables (and flags). */
const choose = (env: Record<string, string>, ...args: string[]) =>
	chooseTokenSource(
		app,
		resolveServerSettings(parseFlags(args, SETTING_FLAGS), env, undefined).settings,
		env.NODE_ENV,
	);

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
		const source = choose({});
		expect(source.kind).toBe('demo');
		expect(source.description).toMatch(/^DEMO TOKENS/);
		expect(await outcome(() => source.provider(call('admin-token')))).toBe('ada');
	});

	it('refuses the demo tokens when NODE_ENV=production, unless CHARTER_DEMO_TOKENS=true', async () => {
		const production = choose({ NODE_ENV: 'production' });
		expect(production.kind).toBe('none');
		expect(production.description).toContain('NODE_ENV=production');
		expect(await outcome(() => production.provider(call('admin-token')))).toBe('UNAUTHENTICATED');
		expect(await outcome(() => production.provider({ headers: {} }))).toBe('anonymous');
		const enabled = choose({ NODE_ENV: 'production', CHARTER_DEMO_TOKENS: 'true' });
		expect(await outcome(() => enabled.provider(call('admin-token')))).toBe('ada');
		expect(choose({ CHARTER_DEMO_TOKENS: 'false' }).kind).toBe('none');
		expect(() => choose({ CHARTER_DEMO_TOKENS: 'yes' })).toThrow(
			'CHARTER_DEMO_TOKENS yes: expected true or false',
		);
	});

	it('verifies JWTs when an issuer is set, and then never takes a demo token', async () => {
		const source = choose({
			CHARTER_JWT_ISSUER: 'http://127.0.0.1:9',
			CHARTER_JWT_AUDIENCE: 'api, admin',
			CHARTER_JWT_JWKS_URL: 'http://127.0.0.1:9/jwks',
		});
		expect(source.kind).toBe('jwt');
		expect(source.description).toBe(
			'JWT from http://127.0.0.1:9 (audience api,admin; keys from http://127.0.0.1:9/jwks)',
		);
		expect(await outcome(() => source.provider(call('admin-token')))).toBe('UNAUTHENTICATED');
		const byFlags = choose({}, '--jwt-issuer', 'https://idp.example', '--jwt-audience', 'api');
		expect(byFlags.description).toBe(
			'JWT from https://idp.example (audience api; keys from OIDC discovery)',
		);
		expect(() => choose({ CHARTER_JWT_ISSUER: 'https://idp' })).toThrow(
			'CHARTER_JWT_ISSUER is set without an audience: set CHARTER_JWT_AUDIENCE',
		);
	});

	it("keeps the app's own context provider whatever the environment", () => {
		const own = defineApp({ contextProvider: () => undefined, create: () => ({ bindings: [] }) });
		const settings = resolveServerSettings(parseFlags([], SETTING_FLAGS), {}, undefined).settings;
		expect(chooseTokenSource(own, settings, 'production').kind).toBe('app');
	});
});
