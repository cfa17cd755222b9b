import {
	type AppDefinition,
	bearerTokenProvider,
	type ContextProvider,
	ContractError,
	jwtProvider,
} from '@charter/runtime';
import { UsageError } from '../command.ts';

/** Which credentials the server accepts, and a line saying so at start. */
export interface TokenSource {
	readonly kind: 'app' | 'jwt' | 'demo' | 'none';
	readonly provider: ContextProvider;
	/** What `charter serve` prints at start. */
	readonly description: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Chooses the context provider: the app's own, else JWTs when `CHARTER_JWT_ISSUER` is set,
 * else the app's demo tokens, which are refused when `NODE_ENV=production` unless
 * `CHARTER_DEMO_TOKENS=true`.
 */
export function chooseTokenSource(definition: AppDefinition, env: Env = process.env): TokenSource {
	if (definition.contextProvider)
		return {
			kind: 'app',
			provider: definition.contextProvider,
			description: "the app's context provider",
		};
	const issuer = env.CHARTER_JWT_ISSUER;
	if (issuer !== undefined && issuer !== '') return jwtSource(issuer, env);
	const tokens = definition.tokens ?? {};
	const production = env.NODE_ENV === 'production';
	const allowed = env.CHARTER_DEMO_TOKENS;
	if (allowed !== undefined && allowed !== 'true' && allowed !== 'false')
		throw new UsageError(`CHARTER_DEMO_TOKENS ${allowed}: use true or false`);
	if ((production && allowed !== 'true') || allowed === 'false') {
		return {
			kind: 'none',
			provider: refuseBearer,
			description: `none: every caller is anonymous, bearer tokens are refused (${production ? 'demo tokens are off when NODE_ENV=production' : 'CHARTER_DEMO_TOKENS=false'}; set CHARTER_JWT_ISSUER to verify JWTs)`,
		};
	}
	return {
		kind: 'demo',
		provider: bearerTokenProvider({ tokens }),
		description: `DEMO TOKENS (${Object.keys(tokens).length}, fixed and public: never in production; set CHARTER_JWT_ISSUER to verify JWTs)`,
	};
}

function jwtSource(issuer: string, env: Env): TokenSource {
	const audience = env.CHARTER_JWT_AUDIENCE;
	if (audience === undefined || audience === '')
		throw new UsageError(
			'CHARTER_JWT_ISSUER is set without CHARTER_JWT_AUDIENCE: set the audience tokens must carry',
		);
	const claims = {
		...(env.CHARTER_JWT_CLAIM_ID ? { id: env.CHARTER_JWT_CLAIM_ID } : {}),
		...(env.CHARTER_JWT_CLAIM_ROLES ? { roles: env.CHARTER_JWT_CLAIM_ROLES } : {}),
		...(env.CHARTER_JWT_CLAIM_PERMISSIONS
			? { permissions: env.CHARTER_JWT_CLAIM_PERMISSIONS }
			: {}),
		...(env.CHARTER_JWT_CLAIM_TENANT ? { tenant: env.CHARTER_JWT_CLAIM_TENANT } : {}),
	};
	const jwksUrl = env.CHARTER_JWT_JWKS_URL;
	let provider: ContextProvider;
	try {
		provider = jwtProvider({
			issuer,
			audience: audience.split(',').map((a) => a.trim()),
			...(jwksUrl ? { jwksUrl } : {}),
			claims,
		});
	} catch (error) {
		throw new UsageError((error as Error).message, (error as { code?: string }).code);
	}
	return {
		kind: 'jwt',
		provider,
		description: `JWT from ${issuer} (audience ${audience}; keys from ${jwksUrl ?? 'OIDC discovery'})`,
	};
}

const refuseBearer: ContextProvider = (metadata) => {
	const header = metadata.headers?.authorization;
	if (header === undefined || header === '') return undefined;
	throw new ContractError(
		'UNAUTHENTICATED',
		'this server accepts no bearer tokens (demo tokens are off)',
	);
};
