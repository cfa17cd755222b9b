import { createProblem } from '@charter/spec';
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import { ContractError } from '../problems/contract-error.ts';
import { ProblemSignal } from '../problems/error-mapper.ts';
import { bearerTokenOf } from './bearer-token-provider.ts';
import type { ContextProvider, Principal } from './principal.ts';

/** Where each principal field is read from in a token's claims (dotted paths: `realm.roles`). */
export interface JwtClaimMapping {
	/** The principal id: `sub` by default. */
	readonly id?: string;
	/** An array of strings or a space-separated string: `roles` by default. */
	readonly roles?: string;
	/** An array of strings or a space-separated string (`scope`): `permissions` by default. */
	readonly permissions?: string;
	/** The tenant: none by default. */
	readonly tenant?: string;
}

/** How to verify bearer JWTs (an OIDC provider's access or ID tokens). */
export interface JwtProviderOptions {
	/** The expected `iss`; with no `jwksUrl`, its OIDC discovery document gives the key set. */
	readonly issuer: string;
	/** The expected `aud` (one of them). */
	readonly audience: string | readonly string[];
	/** The JSON Web Key Set URL; found by discovery at `<issuer>/.well-known/openid-configuration` when absent. */
	readonly jwksUrl?: string;
	/** Seconds of clock skew accepted on `exp` and `nbf` (30 by default). */
	readonly clockToleranceSec?: number;
	/** Accepted algorithms: asymmetric ones only (RS, PS, ES, EdDSA) by default. */
	readonly algorithms?: readonly string[];
	readonly claims?: JwtClaimMapping;
	/** How long a fetched key set is kept before it is fetched again (10 minutes by default). */
	readonly cacheMaxAgeMs?: number;
	/** Least time between two fetches of the key set, for a token with an unknown `kid` (30 s by default). */
	readonly cooldownMs?: number;
}

const ASYMMETRIC = [
	'RS256',
	'RS384',
	'RS512',
	'PS256',
	'PS384',
	'PS512',
	'ES256',
	'ES384',
	'ES512',
	'EdDSA',
];

/**
 * Creates a context provider that verifies `Authorization: Bearer <JWT>` against an issuer's
 * key set: signature (asymmetric algorithms only unless told; `alg: none` never), `iss`,
 * `aud`, `exp` and `nbf` with a clock tolerance. Keys rotate: a token signed by a key the
 * cached set lacks makes it fetch the set again (at most once per cooldown). Claims map to
 * the principal by configuration. No header is anonymous; a bad token is 401; a key set that
 * cannot be fetched is 503.
 *
 * @example
 * jwtProvider({
 *   issuer: 'https://login.example.com/',
 *   audience: 'orders-api',
 *   claims: { roles: 'realm_access.roles', permissions: 'scope', tenant: 'org_id' },
 * });
 */
export function jwtProvider(options: JwtProviderOptions): ContextProvider {
	checkOptions(options);
	const claims = options.claims ?? {};
	const algorithms = [...(options.algorithms ?? ASYMMETRIC)];
	let keys: Promise<JWTVerifyGetKey> | undefined;
	const keySet = () => {
		keys ??= jwksUrlOf(options).then((url) =>
			createRemoteJWKSet(url, {
				cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
				cooldownDuration: options.cooldownMs ?? 30_000,
			}),
		);
		// A failed discovery is tried again on the next call, not remembered.
		keys.catch(() => {
			keys = undefined;
		});
		return keys;
	};
	return async (metadata) => {
		const token = bearerTokenOf(metadata);
		if (token === undefined) return undefined;
		let payload: JWTPayload;
		try {
			const verified = await jwtVerify(token, await keySet(), {
				issuer: options.issuer,
				audience: typeof options.audience === 'string' ? options.audience : [...options.audience],
				clockTolerance: options.clockToleranceSec ?? 30,
				algorithms,
			});
			payload = verified.payload;
		} catch (error) {
			throw refusal(error);
		}
		return principalOf(payload, claims);
	};
}

function checkOptions(options: JwtProviderOptions): void {
	if (!options || typeof options.issuer !== 'string' || options.issuer === '')
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'jwt.issuer',
			'an issuer URL is required',
		);
	const audiences =
		typeof options.audience === 'string' ? [options.audience] : (options.audience ?? []);
	if (audiences.length === 0 || audiences.some((a) => typeof a !== 'string' || a === ''))
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'jwt.audience',
			'an audience is required',
		);
	for (const [key, value] of [
		['jwt.jwksUrl', options.jwksUrl],
		['jwt.issuer', options.jwksUrl === undefined ? options.issuer : undefined],
	] as const) {
		if (value === undefined) continue;
		if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
			throw new CharterConfigError('CHARTER_INVALID_OPTION', key, `${value} is not an http(s) URL`);
	}
	if (options.algorithms?.some((a) => a.toLowerCase() === 'none'))
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'jwt.algorithms',
			'"none" is never accepted',
		);
}

/** The key set URL: given, or the `jwks_uri` of the issuer's discovery document. */
async function jwksUrlOf(options: JwtProviderOptions): Promise<URL> {
	if (options.jwksUrl) return new URL(options.jwksUrl);
	const discovery = new URL(
		`${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
	);
	let document: { jwks_uri?: unknown; issuer?: unknown };
	try {
		const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		document = (await response.json()) as typeof document;
	} catch (error) {
		throw unavailable(
			`the OIDC discovery document ${discovery} could not be read: ${String(error)}`,
		);
	}
	if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri))
		throw unavailable(`the OIDC discovery document ${discovery} has no jwks_uri`);
	return new URL(document.jwks_uri);
}

function unavailable(detail: string): ProblemSignal {
	return new ProblemSignal(createProblem('UNAVAILABLE', { detail }));
}

/** Maps a verification failure to 401 (the token) or 503 (the key set could not be had). */
function refusal(error: unknown): Error {
	if (error instanceof ProblemSignal) return error;
	if (error instanceof errors.JWKSTimeout)
		return unavailable('the key set could not be fetched in time');
	if (error instanceof errors.JOSEError) {
		if (error instanceof errors.JWTExpired)
			return new ContractError('UNAUTHENTICATED', 'the token has expired');
		if (error instanceof errors.JWTClaimValidationFailed)
			return new ContractError(
				'UNAUTHENTICATED',
				`the token's ${error.claim} claim is not accepted`,
			);
		return new ContractError('UNAUTHENTICATED', 'the bearer token is not valid');
	}
	// A network failure fetching the key set.
	return unavailable(`the key set could not be fetched: ${String(error)}`);
}

function principalOf(payload: JWTPayload, mapping: JwtClaimMapping): Principal {
	const id = claimAt(payload, mapping.id ?? 'sub');
	if (typeof id !== 'string' || id === '')
		throw new ContractError('UNAUTHENTICATED', `the token has no ${mapping.id ?? 'sub'} claim`);
	const tenant = mapping.tenant ? claimAt(payload, mapping.tenant) : undefined;
	return {
		id,
		roles: stringList(claimAt(payload, mapping.roles ?? 'roles')),
		permissions: stringList(claimAt(payload, mapping.permissions ?? 'permissions')),
		...(typeof tenant === 'string' && tenant !== '' ? { tenant } : {}),
		claims: payload,
	};
}

function claimAt(payload: JWTPayload, path: string): unknown {
	let value: unknown = payload;
	for (const part of path.split('.')) {
		if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
			return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

function stringList(value: unknown): string[] {
	if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return [];
}
