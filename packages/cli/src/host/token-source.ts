import {
	type AppDefinition,
	bearerTokenProvider,
	type ContextProvider,
	ContractError,
	jwtProvider,
} from '@charter/runtime';
import { UsageError } from '../command.ts';
import type { ServerSettings } from './server-settings.ts';

/** Which credentials the server accepts, and a line saying so at start. */
export interface TokenSource {
	readonly kind: 'app' | 'jwt' | 'demo' | 'none';
	readonly provider: ContextProvider;
	/** What `charter serve` prints at start. */
	readonly description: string;
}

/** The settings that choose the token source. */
export type TokenSettings = Pick<
	ServerSettings,
	| 'jwtIssuer'
	| 'jwtAudience'
	| 'jwtJwksUrl'
	| 'jwtClockToleranceSec'
	| 'jwtClaimId'
	| 'jwtClaimRoles'
	| 'jwtClaimPermissions'
	| 'jwtClaimTenant'
	| 'demoTokens'
>;

/**
 * Chooses the context provider: the app's own, else JWTs when an issuer is set
 * (`CHARTER_JWT_ISSUER`), else the app's demo tokens, which are refused when
 * `NODE_ENV=production` unless `demoTokens` is true (`CHARTER_DEMO_TOKENS=true`).
 */
export function chooseTokenSource(
	definition: AppDefinition,
	settings: TokenSettings,
	nodeEnv: string | undefined = process.env.NODE_ENV,
): TokenSource {
	if (definition.contextProvider)
		return {
			kind: 'app',
			provider: definition.contextProvider,
			description: "the app's context provider",
		};
	if (settings.jwtIssuer !== undefined) return jwtSource(settings.jwtIssuer, settings);
	const tokens = definition.tokens ?? {};
	const production = nodeEnv === 'production';
	if ((production && settings.demoTokens !== true) || settings.demoTokens === false) {
		return {
			kind: 'none',
			provider: refuseBearer,
			description: `none: every caller is anonymous, bearer tokens are refused (${settings.demoTokens === false ? 'CHARTER_DEMO_TOKENS=false' : 'demo tokens are off when NODE_ENV=production'}; set CHARTER_JWT_ISSUER to verify JWTs)`,
		};
	}
	return {
		kind: 'demo',
		provider: bearerTokenProvider({ tokens }),
		description: `DEMO TOKENS (${Object.keys(tokens).length}, fixed and public: never in production; set CHARTER_JWT_ISSUER to verify JWTs)`,
	};
}

function jwtSource(issuer: string, settings: TokenSettings): TokenSource {
	const audience = settings.jwtAudience;
	if (audience === undefined)
		throw new UsageError(
			'CHARTER_JWT_ISSUER is set without CHARTER_JWT_AUDIENCE: set the audience tokens must carry',
		);
	const claims = {
		...(settings.jwtClaimId ? { id: settings.jwtClaimId } : {}),
		...(settings.jwtClaimRoles ? { roles: settings.jwtClaimRoles } : {}),
		...(settings.jwtClaimPermissions ? { permissions: settings.jwtClaimPermissions } : {}),
		...(settings.jwtClaimTenant ? { tenant: settings.jwtClaimTenant } : {}),
	};
	const jwksUrl = settings.jwtJwksUrl;
	let provider: ContextProvider;
	try {
		provider = jwtProvider({
			issuer,
			audience,
			...(jwksUrl ? { jwksUrl } : {}),
			clockToleranceSec: settings.jwtClockToleranceSec,
			claims,
		});
	} catch (error) {
		throw new UsageError((error as Error).message, (error as { code?: string }).code);
	}
	return {
		kind: 'jwt',
		provider,
		description: `JWT from ${issuer} (audience ${audience.join(',')}; keys from ${jwksUrl ?? 'OIDC discovery'})`,
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
