import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtProvider } from './jwt-provider.ts';
import type { ContextProvider } from './principal.ts';

/** A local OIDC issuer: a discovery document and a key set the test can rotate. */
let server: Server;
let issuer: string;
let published: JWK[] = [];
let jwksFetches = 0;

type Key = { kid: string; privateKey: CryptoKey; jwk: JWK };
async function newKey(kid: string): Promise<Key> {
	const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
	return {
		kid,
		privateKey,
		jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
	};
}

let first: Key;
let provider: ContextProvider;

beforeAll(async () => {
	server = createServer((req, res) => {
		res.setHeader('content-type', 'application/json');
		if (req.url === '/.well-known/openid-configuration')
			return void res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
		if (req.url === '/jwks') {
			jwksFetches++;
			return void res.end(JSON.stringify({ keys: published }));
		}
		res.statusCode = 404;
		res.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	first = await newKey('k1');
	published = [first.jwk];
	provider = jwtProvider({
		issuer,
		audience: 'orders-api',
		cooldownMs: 0,
		claims: { roles: 'realm.roles', permissions: 'scope', tenant: 'org' },
	});
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function token(key: Key, claims: Record<string, unknown> = {}, edit?: (jwt: SignJWT) => SignJWT) {
	let jwt = new SignJWT({
		realm: { roles: ['admin'] },
		scope: 'orders:read orders:write',
		org: 'acme',
		...claims,
	})
		.setProtectedHeader({ alg: 'RS256', kid: key.kid })
		.setSubject('ada')
		.setIssuer(issuer)
		.setAudience('orders-api')
		.setIssuedAt()
		.setExpirationTime('5m');
	if (edit) jwt = edit(jwt);
	return jwt.sign(key.privateKey);
}

const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } });

/** The code of what the provider threw: a 401 ContractError or a 503 problem. */
async function refusal(call: unknown): Promise<string> {
	try {
		await call;
	} catch (error) {
		const e = error as { code?: string; message?: string; problem?: { code: string } };
		return e.problem?.code ?? e.code ?? String(error);
	}
	return 'accepted';
}

describe('jwtProvider', () => {
	it('finds the key set by OIDC discovery and maps claims to the principal by configuration', async () => {
		const principal = await provider(bearer(await token(first)));
		expect(principal).toMatchObject({
			id: 'ada',
			roles: ['admin'],
			permissions: ['orders:read', 'orders:write'],
			tenant: 'acme',
		});
		expect(await provider({ headers: {} })).toBeUndefined();
	});

	it('follows a key rotation mid-run: the new key is fetched, the retired one refused', async () => {
		const second = await newKey('k2');
		published = [second.jwk];
		const before = jwksFetches;
		expect((await provider(bearer(await token(second))))?.id).toBe('ada');
		expect(jwksFetches).toBeGreaterThan(before);
		expect(await refusal(provider(bearer(await token(first))))).toBe('UNAUTHENTICATED');
		published = [first.jwk, second.jwk];
	});

	it('refuses expired tokens, a wrong audience, a wrong issuer and a token not yet valid', async () => {
		const expired = await token(first, {}, (jwt) =>
			jwt
				.setIssuedAt(Math.floor(Date.now() / 1000) - 600)
				.setExpirationTime(Math.floor(Date.now() / 1000) - 120),
		);
		expect(await refusal(provider(bearer(expired)))).toBe('UNAUTHENTICATED');
		expect(
			await refusal(
				provider(bearer(await token(first, {}, (jwt) => jwt.setAudience('other-api')))),
			),
		).toBe('UNAUTHENTICATED');
		expect(
			await refusal(
				provider(bearer(await token(first, {}, (jwt) => jwt.setIssuer('https://evil.example')))),
			),
		).toBe('UNAUTHENTICATED');
		const later = await token(first, {}, (jwt) =>
			jwt.setNotBefore(Math.floor(Date.now() / 1000) + 600),
		);
		expect(await refusal(provider(bearer(later)))).toBe('UNAUTHENTICATED');
	});

	it('accepts a token expired within the clock tolerance', async () => {
		const justExpired = await token(first, {}, (jwt) =>
			jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 5),
		);
		expect((await provider(bearer(justExpired)))?.id).toBe('ada');
	});

	it('refuses alg none and an HS256 token signed with the public key (algorithm confusion)', async () => {
		const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const now = Math.floor(Date.now() / 1000);
		const claims = {
			sub: 'mallory',
			iss: issuer,
			aud: 'orders-api',
			iat: now,
			exp: now + 300,
			realm: { roles: ['admin'] },
		};
		const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
		expect(await refusal(provider(bearer(unsigned)))).toBe('UNAUTHENTICATED');
		const secret = new TextEncoder().encode(JSON.stringify(first.jwk));
		const confused = await new SignJWT(claims)
			.setProtectedHeader({ alg: 'HS256', kid: 'k1' })
			.sign(secret);
		expect(await refusal(provider(bearer(confused)))).toBe('UNAUTHENTICATED');
		expect(await refusal(provider(bearer('not.a.jwt')))).toBe('UNAUTHENTICATED');
		expect(await refusal(provider({ headers: { authorization: 'Basic abc' } }))).toBe(
			'UNAUTHENTICATED',
		);
	});

	it('answers 503 when the issuer cannot be reached, and 401 for a token without a subject', async () => {
		const gone = jwtProvider({ issuer: 'http://127.0.0.1:9/', audience: 'orders-api' });
		expect(await refusal(gone(bearer(await token(first))))).toBe('UNAVAILABLE');
		const noSubject = await new SignJWT({})
			.setProtectedHeader({ alg: 'RS256', kid: 'k1' })
			.setIssuer(issuer)
			.setAudience('orders-api')
			.setExpirationTime('1m')
			.sign(first.privateKey);
		expect(await refusal(provider(bearer(noSubject)))).toBe('UNAUTHENTICATED');
	});

	it('refuses bad options at creation, naming the key', () => {
		expect(() => jwtProvider({ issuer: '', audience: 'a' })).toThrow(/jwt\.issuer/);
		expect(() => jwtProvider({ issuer: 'https://x', audience: [] })).toThrow(/jwt\.audience/);
		expect(() => jwtProvider({ issuer: 'https://x', audience: 'a', jwksUrl: 'ftp://x' })).toThrow(
			/jwt\.jwksUrl/,
		);
		expect(() => jwtProvider({ issuer: 'https://x', audience: 'a', algorithms: ['none'] })).toThrow(
			/jwt\.algorithms/,
		);
	});
});
