import { readFileSync } from 'node:fs';
import { DEFAULT_SERVER_TIMEOUTS } from '@charter/rest';
import { isLoopbackHost, LOG_LEVELS, LOOPBACK_HOSTS, type LogLevel } from '@charter/runtime';
import { maskUrl } from '@charter/sql';
import type { ParsedFlags } from '../args.ts';
import { UsageError } from '../command.ts';
import {
	boolean,
	bytes,
	fail,
	hostNames,
	httpUrl,
	level,
	millis,
	origins,
	type Parse,
	port,
	rateLimit,
	rateLimitStore,
	seconds,
	streamName,
	text,
	textList,
	unsampledRoots,
} from './setting-parsers.ts';

/**
 * Every setting of `charter serve`, typed. Each comes from, first to last: its flag, its
 * environment variable(s) (`CHARTER_*`; `PORT` and `HOST` too), the `server` section of
 * `charter.config.ts`, its default.
 */
export interface ServerSettings {
	readonly host: string;
	readonly port: number;
	readonly db: string | undefined;
	readonly bus: string | undefined;
	readonly busStream: string | undefined;
	readonly logLevel: LogLevel;
	/** Origins allowed to call from a browser (`*` for any); CORS is off when empty. */
	readonly corsOrigins: readonly string[] | '*';
	/** The largest request body, in bytes. */
	readonly bodyLimit: number;
	readonly timeoutMs: number | undefined;
	readonly idempotencyLeaseMs: number | undefined;
	readonly idempotencyRetentionMs: number | undefined;
	/** How long a client may take to send its request's headers. */
	readonly headersTimeoutMs: number;
	/** How long a client may take to send its whole request. */
	readonly requestTimeoutMs: number;
	/** How long an idle keep-alive connection stays open. */
	readonly keepAliveTimeoutMs: number;
	/** `Host` names the server answers to (`*` for any); loopback names on a loopback host. */
	readonly allowedHosts: readonly string[] | '*';
	/** Browser origins besides the server's own that may call it (`*` for any). */
	readonly allowedOrigins: readonly string[] | '*' | undefined;
	/** `off`, or calls a minute per client address (and per principal): `1200,600`. */
	readonly rateLimit: string | undefined;
	/** `memory`, or `redis://...` to share the counts between nodes. */
	readonly rateLimitStore: string | undefined;
	/** How long a shutdown waits for in-flight requests before closing their connections. */
	readonly drainTimeoutMs: number;
	readonly seed: boolean;
	/** Serve Prometheus metrics at `/metrics`. */
	readonly metrics: boolean;
	/** Serve `/metrics` on a port of its own instead of the main one. */
	readonly metricsPort: number | undefined;
	/** The bearer token `/metrics` asks for (required on the main port). */
	readonly metricsToken: string | undefined;
	/** Trace calls with OpenTelemetry (the SDK reads the standard `OTEL_*` variables). */
	readonly tracing: boolean;
	/**
	 * `detach`: a request that continues no trace and that the sampler drops runs outside any
	 * trace context (see `detachUnsampledRoots`); `propagate` enters it; `auto` (the default)
	 * detaches when the `OTEL_*` variables sample no root (`samplesNoRoot`).
	 */
	readonly tracingUnsampled: 'auto' | 'propagate' | 'detach';
	/** Verify bearer tokens as JWTs from this issuer (`iss`). */
	readonly jwtIssuer: string | undefined;
	/** The audiences a JWT may carry (one of them). */
	readonly jwtAudience: readonly string[] | undefined;
	/** The issuer's key set; found by OIDC discovery when unset. */
	readonly jwtJwksUrl: string | undefined;
	/** Seconds of clock skew accepted on `exp` and `nbf`. */
	readonly jwtClockToleranceSec: number;
	readonly jwtClaimId: string | undefined;
	readonly jwtClaimRoles: string | undefined;
	readonly jwtClaimPermissions: string | undefined;
	readonly jwtClaimTenant: string | undefined;
	/** Accept the app's demo tokens; by default on unless `NODE_ENV=production`. */
	readonly demoTokens: boolean | undefined;
}

/** The `server` section of `charter.config.ts`: any setting, by its name. */
export type ServerConfig = Partial<Record<keyof ServerSettings, unknown>>;

interface SettingSpec<T> {
	/** `--flag`; a boolean setting's flag takes no value. */
	readonly flag?: string;
	readonly env: readonly string[];
	readonly parse: Parse<T>;
	readonly fallback: T;
	/** The default as the docs and `--print-config` say it, when `fallback` does not say it. */
	readonly defaultText?: string;
	/**
	 * Masked by `--print-config` and in errors (`url`: its password only). A secret may also be
	 * read from a file named by its variable with `_FILE` (`CHARTER_METRICS_TOKEN_FILE`), as
	 * container orchestrators mount secrets.
	 */
	readonly secret?: boolean | 'url';
	readonly doc: string;
}

const optional = <T>(parse: Parse<T>): Parse<T | undefined> => parse;
const claim = (name: string, fallback: string): SettingSpec<string | undefined> => ({
	env: [`CHARTER_JWT_CLAIM_${name.toUpperCase()}`],
	parse: optional(text),
	fallback: undefined,
	defaultText: fallback,
	doc: `JWT claim giving the principal's ${name}, a dotted path such as realm_access.roles.`,
});

/** The schema: one entry per setting. */
export const SERVER_SETTINGS: {
	readonly [K in keyof ServerSettings]: SettingSpec<ServerSettings[K]>;
} = {
	host: {
		flag: 'host',
		env: ['CHARTER_HOST', 'HOST'],
		parse: text,
		fallback: '127.0.0.1',
		doc: 'Address to listen on; 0.0.0.0 in a container.',
	},
	port: {
		flag: 'port',
		env: ['CHARTER_PORT', 'PORT'],
		parse: port,
		fallback: 3000,
		doc: 'Port (0 picks a free one).',
	},
	db: {
		flag: 'db',
		env: ['CHARTER_DB'],
		parse: optional(text),
		fallback: undefined,
		defaultText: 'sqlite:.charter/charter.db',
		secret: 'url',
		doc: 'sqlite:<file> or postgres://...',
	},
	bus: {
		flag: 'bus',
		env: ['CHARTER_BUS'],
		parse: optional(text),
		fallback: undefined,
		defaultText: 'in-process',
		secret: 'url',
		doc: 'nats://host:4222 for NATS JetStream.',
	},
	busStream: {
		flag: 'bus-stream',
		env: ['CHARTER_BUS_STREAM'],
		parse: optional(streamName),
		fallback: undefined,
		defaultText: 'CHARTER_EVENTS',
		doc: 'JetStream stream (subjects charter.<name>.<event>).',
	},
	logLevel: {
		flag: 'log-level',
		env: ['CHARTER_LOG_LEVEL'],
		parse: level,
		fallback: 'info',
		doc: `Lowest level logged: ${LOG_LEVELS.join(', ')}.`,
	},
	corsOrigins: {
		flag: 'cors',
		env: ['CHARTER_CORS_ORIGINS'],
		parse: origins,
		fallback: [],
		defaultText: 'none: CORS off',
		doc: 'Comma-separated origins browsers may call from, or *.',
	},
	bodyLimit: {
		flag: 'body-limit',
		env: ['CHARTER_BODY_LIMIT'],
		parse: bytes,
		fallback: 1024 * 1024,
		defaultText: '1mb',
		doc: 'Largest request body (bytes, kb or mb).',
	},
	timeoutMs: {
		flag: 'timeout',
		env: ['CHARTER_TIMEOUT'],
		parse: optional(millis),
		fallback: undefined,
		defaultText: '30000',
		doc: 'Deadline of one call, ms; a late handler is 504.',
	},
	idempotencyLeaseMs: {
		flag: 'idempotency-lease',
		env: ['CHARTER_IDEMPOTENCY_LEASE'],
		parse: optional(millis),
		fallback: undefined,
		defaultText: 'twice the timeout',
		doc: "How long a dead node's claim on an idempotency key blocks retries, ms.",
	},
	idempotencyRetentionMs: {
		flag: 'idempotency-retention',
		env: ['CHARTER_IDEMPOTENCY_RETENTION'],
		parse: optional(millis),
		fallback: undefined,
		defaultText: '86400000',
		doc: 'How long an idempotency key replays its result, ms.',
	},
	headersTimeoutMs: {
		flag: 'headers-timeout',
		env: ['CHARTER_HEADERS_TIMEOUT'],
		parse: millis,
		fallback: DEFAULT_SERVER_TIMEOUTS.headersMs,
		doc: "How long a client may take to send its request's headers (then 408), ms.",
	},
	requestTimeoutMs: {
		flag: 'request-timeout',
		env: ['CHARTER_REQUEST_TIMEOUT'],
		parse: millis,
		fallback: DEFAULT_SERVER_TIMEOUTS.requestMs,
		doc: 'How long a client may take to send its whole request, body included (then 408), ms.',
	},
	keepAliveTimeoutMs: {
		flag: 'keep-alive-timeout',
		env: ['CHARTER_KEEP_ALIVE_TIMEOUT'],
		parse: millis,
		fallback: DEFAULT_SERVER_TIMEOUTS.keepAliveMs,
		doc: 'How long an idle keep-alive connection stays open, ms.',
	},
	allowedHosts: {
		flag: 'allowed-hosts',
		env: ['CHARTER_ALLOWED_HOSTS'],
		parse: hostNames,
		fallback: '*',
		defaultText: `${LOOPBACK_HOSTS.join(',')} on a loopback host, else *`,
		doc: 'Host names the server answers to (others are 403), or *.',
	},
	allowedOrigins: {
		flag: 'allowed-origins',
		env: ['CHARTER_ALLOWED_ORIGINS'],
		parse: optional(origins),
		fallback: undefined,
		defaultText: "the server's own",
		doc: 'Browser origins besides its own that may call the server (others are 403), or *.',
	},
	rateLimit: {
		flag: 'rate-limit',
		env: ['CHARTER_RATE_LIMIT'],
		parse: optional(rateLimit),
		fallback: undefined,
		defaultText: 'rateLimits section, else 1200,600',
		doc: 'off, or calls a minute per client address[,per principal].',
	},
	rateLimitStore: {
		flag: 'rate-limit-store',
		env: ['CHARTER_RATE_LIMIT_STORE'],
		parse: optional(rateLimitStore),
		fallback: undefined,
		defaultText: 'rateLimits.store, else memory',
		secret: 'url',
		doc: 'Where rate limits count: memory, or redis://... shared by every node.',
	},
	drainTimeoutMs: {
		flag: 'drain-timeout',
		env: ['CHARTER_DRAIN_TIMEOUT'],
		parse: millis,
		fallback: 10_000,
		doc: 'On SIGTERM, how long in-flight requests may finish before connections close, ms.',
	},
	seed: {
		env: ['CHARTER_SEED'],
		parse: boolean,
		fallback: true,
		doc: "Load the app's demo data into a fresh database (--no-seed turns it off).",
	},
	metrics: {
		flag: 'metrics',
		env: ['CHARTER_METRICS'],
		parse: boolean,
		fallback: false,
		doc: 'Serve Prometheus metrics at /metrics.',
	},
	metricsPort: {
		flag: 'metrics-port',
		env: ['CHARTER_METRICS_PORT'],
		parse: optional(port),
		fallback: undefined,
		defaultText: 'the main port',
		doc: 'Serve /metrics on this port (same host) instead of the main one.',
	},
	metricsToken: {
		env: ['CHARTER_METRICS_TOKEN'],
		parse: optional(text),
		fallback: undefined,
		defaultText: 'none',
		secret: true,
		doc: 'Bearer token /metrics asks for; required on the main port.',
	},
	tracing: {
		flag: 'tracing',
		env: ['CHARTER_TRACING'],
		parse: boolean,
		fallback: false,
		doc: 'OpenTelemetry spans per call; the SDK reads OTEL_* (OTEL_EXPORTER_OTLP_ENDPOINT...).',
	},
	tracingUnsampled: {
		flag: 'tracing-unsampled',
		env: ['CHARTER_TRACING_UNSAMPLED'],
		parse: unsampledRoots,
		fallback: 'auto',
		doc: 'detach: a request that brings no traceparent and is not sampled runs without a trace context (no async hooks; its handler starts no child spans of it, sends no traceparent). auto: detach when OTEL_TRACES_SAMPLER samples no root (always_off, parentbased_always_off, a ratio of 0), else propagate.',
	},
	jwtIssuer: {
		flag: 'jwt-issuer',
		env: ['CHARTER_JWT_ISSUER'],
		parse: optional(httpUrl),
		fallback: undefined,
		defaultText: 'none (no JWTs)',
		doc: 'Verify bearer tokens as JWTs from this issuer (iss); needs jwtAudience.',
	},
	jwtAudience: {
		flag: 'jwt-audience',
		env: ['CHARTER_JWT_AUDIENCE'],
		parse: optional(textList),
		fallback: undefined,
		defaultText: 'none',
		doc: 'Audiences a JWT may carry (aud), separated by commas.',
	},
	jwtJwksUrl: {
		flag: 'jwt-jwks-url',
		env: ['CHARTER_JWT_JWKS_URL'],
		parse: optional(httpUrl),
		fallback: undefined,
		defaultText: 'OIDC discovery',
		doc: "The issuer's JSON Web Key Set URL.",
	},
	jwtClockToleranceSec: {
		env: ['CHARTER_JWT_CLOCK_TOLERANCE'],
		parse: seconds,
		fallback: 30,
		doc: 'Seconds of clock skew accepted on exp and nbf.',
	},
	jwtClaimId: claim('id', 'sub'),
	jwtClaimRoles: claim('roles', 'roles'),
	jwtClaimPermissions: claim('permissions', 'permissions'),
	jwtClaimTenant: claim('tenant', 'none'),
	demoTokens: {
		env: ['CHARTER_DEMO_TOKENS'],
		parse: optional(boolean),
		fallback: undefined,
		defaultText: 'on, off when NODE_ENV=production',
		doc: "Accept the app's fixed demo bearer tokens.",
	},
};

type Spec = SettingSpec<unknown>;
const specs = () => Object.entries(SERVER_SETTINGS) as [keyof ServerSettings, Spec][];

/** Where each effective value came from: `--port`, `PORT`, `charter.config.ts server.port`, `default`. */
export type SettingSources = { readonly [K in keyof ServerSettings]: string };

const booleanFlags = specs()
	.filter(([, spec]) => spec.flag !== undefined && spec.parse === boolean)
	.map(([, spec]) => spec.flag!);

/** The flags `charter serve` reads for its settings. */
export const SETTING_FLAGS = {
	boolean: ['no-seed', ...booleanFlags],
	string: specs()
		.map(([, spec]) => spec.flag)
		.filter((flag): flag is string => flag !== undefined && !booleanFlags.includes(flag)),
} as const;

/**
 * Resolves every setting (flag, then environment, then the config's `server` section, then
 * the default) and checks them together; a bad value is a `UsageError` naming its source.
 */
export function resolveServerSettings(
	flags: ParsedFlags,
	env: Readonly<Record<string, string | undefined>>,
	config: ServerConfig | undefined,
): { settings: ServerSettings; sources: SettingSources } {
	for (const key of Object.keys(config ?? {})) {
		if (!(key in SERVER_SETTINGS)) {
			throw new UsageError(
				`charter.config.ts server.${key}: no such setting (${Object.keys(SERVER_SETTINGS).join(', ')})`,
				'CHARTER_INVALID_SETTING',
			);
		}
	}
	const settings: Record<string, unknown> = {};
	const sources: Record<string, string> = {};
	for (const [key, spec] of specs()) {
		const given = flagValue(flags, key, spec) ?? envValue(env, spec) ?? configValue(config, key);
		settings[key] = given === undefined ? spec.fallback : parseGiven(spec, given);
		sources[key] = given?.name ?? 'default';
	}
	if (sources.allowedHosts === 'default' && isLoopbackHost(String(settings.host)))
		settings.allowedHosts = LOOPBACK_HOSTS;
	const resolved = settings as unknown as ServerSettings;
	checkTogether(resolved, sources as SettingSources);
	return { settings: resolved, sources: sources as SettingSources };
}

/** The rules between settings. */
function checkTogether(settings: ServerSettings, sources: SettingSources): void {
	const refuse = (message: string) => {
		throw new UsageError(message, 'CHARTER_INVALID_SETTING');
	};
	const lease = settings.idempotencyLeaseMs;
	const timeout = settings.timeoutMs ?? 30_000;
	if (lease !== undefined && lease <= timeout)
		refuse(
			`${sources.idempotencyLeaseMs} ${lease} must exceed the call timeout (${timeout} ms), or a slow call could run twice`,
		);
	if (settings.headersTimeoutMs > settings.requestTimeoutMs)
		refuse(
			`${sources.headersTimeoutMs} ${settings.headersTimeoutMs} must not exceed the request timeout (${settings.requestTimeoutMs} ms${sources.requestTimeoutMs === 'default' ? '' : `, ${sources.requestTimeoutMs}`})`,
		);
	if (settings.metrics && settings.metricsPort === undefined && settings.metricsToken === undefined)
		refuse(
			'metrics on the main port need CHARTER_METRICS_TOKEN (scrapers send it as a bearer token), or serve them apart with --metrics-port',
		);
	if (settings.jwtIssuer !== undefined && settings.jwtAudience === undefined)
		refuse(
			`${sources.jwtIssuer} is set without an audience: set CHARTER_JWT_AUDIENCE (--jwt-audience, server.jwtAudience) to the audience tokens must carry`,
		);
	const jwtOnly = (['jwtAudience', 'jwtJwksUrl'] as const).find(
		(key) => settings[key] !== undefined,
	);
	if (settings.jwtIssuer === undefined && jwtOnly !== undefined)
		refuse(
			`${sources[jwtOnly]} is set without an issuer: set CHARTER_JWT_ISSUER (--jwt-issuer, server.jwtIssuer)`,
		);
}

interface Given {
	readonly raw: unknown;
	readonly name: string;
}

/** Parses a given value; a secret's value is masked in the error. */
function parseGiven(spec: Spec, given: Given): unknown {
	try {
		return spec.parse(given.raw, given.name);
	} catch (error) {
		if (!spec.secret || !(error instanceof UsageError)) throw error;
		const shown = spec.secret === 'url' ? maskUrl(String(given.raw)) : '***';
		throw new UsageError(error.message.replace(String(given.raw), shown), error.code);
	}
}

function flagValue(flags: ParsedFlags, key: string, spec: Spec): Given | undefined {
	if (key === 'seed' && flags.boolean['no-seed']) return { raw: false, name: '--no-seed' };
	if (spec.flag === undefined) return undefined;
	if (flags.boolean[spec.flag]) return { raw: true, name: `--${spec.flag}` };
	const raw = flags.string[spec.flag];
	return raw === undefined ? undefined : { raw, name: `--${spec.flag}` };
}

function envValue(
	env: Readonly<Record<string, string | undefined>>,
	spec: Spec,
): Given | undefined {
	for (const name of spec.env) {
		const raw = env[name];
		if (raw !== undefined && raw !== '') return { raw, name };
		const file = spec.secret ? env[`${name}_FILE`] : undefined;
		if (file !== undefined && file !== '') return { raw: readSecret(`${name}_FILE`, file), name };
	}
	return undefined;
}

/** A secret from a file (a mounted container secret), without its trailing newline. */
function readSecret(name: string, file: string): string {
	let content: string;
	try {
		content = readFileSync(file, 'utf8');
	} catch (error) {
		return fail(name, file, `cannot read the file (${(error as NodeJS.ErrnoException).code})`);
	}
	return content.replace(/\r?\n$/, '');
}

function configValue(config: ServerConfig | undefined, key: string): Given | undefined {
	const raw = config?.[key as keyof ServerConfig];
	return raw === undefined ? undefined : { raw, name: `charter.config.ts server.${key}` };
}

/** A value as `--print-config` and the docs show it. */
function shown(spec: Spec, value: unknown): string {
	if (value === undefined) return spec.defaultText ? `(${spec.defaultText})` : '(unset)';
	if (spec.secret === true) return '***';
	if (spec.secret === 'url') return maskUrl(String(value));
	if (Array.isArray(value)) return value.join(',') || `(${spec.defaultText ?? 'none'})`;
	return String(value);
}

/** The effective settings as `--print-config` shows them: secrets masked, with their sources. */
export function printableSettings(
	settings: ServerSettings,
	sources: SettingSources,
): { key: string; value: string; source: string }[] {
	return specs().map(([key, spec]) => ({
		key,
		value: shown(spec, settings[key]),
		source: sources[key],
	}));
}

/** The settings table of the docs (`<!-- charter:include server-settings -->`). */
export function serverSettingsReference(): string {
	const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
	const out = [
		'| setting (`server.`) | flag | variable | default | what it sets |',
		'|---|---|---|---|---|',
	];
	for (const [key, spec] of specs()) {
		const flag = key === 'seed' ? '`--no-seed`' : spec.flag ? `\`--${spec.flag}\`` : '';
		const fallback =
			spec.defaultText ??
			(Array.isArray(spec.fallback) ? spec.fallback.join(',') : String(spec.fallback));
		const file = spec.secret ? ` (or ${code(spec.env.map((e) => `${e}_FILE`))})` : '';
		out.push(
			`| \`${key}\` | ${flag} | ${code(spec.env)}${file} | ${fallback.replaceAll('|', '\\|')} | ${spec.doc} |`,
		);
	}
	return out.join('\n');
}
