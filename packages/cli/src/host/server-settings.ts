import { isLogLevel, LOG_LEVELS, type LogLevel } from '@charter/runtime';
import { maskUrl } from '@charter/sql';
import type { ParsedFlags } from '../args.ts';
import { UsageError } from '../command.ts';

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
}

/** The `server` section of `charter.config.ts`: any setting, by its name. */
export type ServerConfig = Partial<Record<keyof ServerSettings, unknown>>;

type Parse<T> = (raw: unknown, name: string) => T;

interface SettingSpec<T> {
	/** `--flag`; a boolean setting's flag takes no value. */
	readonly flag?: string;
	readonly env: readonly string[];
	readonly parse: Parse<T>;
	readonly fallback: T;
	/** Masked by `--print-config`. */
	readonly secret?: boolean | 'url';
	readonly doc: string;
}

const fail = (name: string, raw: unknown, expected: string): never => {
	throw new UsageError(`${name} ${String(raw)}: ${expected}`, 'CHARTER_INVALID_SETTING');
};

const text: Parse<string> = (raw, name) =>
	typeof raw === 'string' && raw !== '' ? raw : fail(name, raw, 'expected a non-empty string');
const optionalText: Parse<string | undefined> = text;

const wholeNumber = (min: number, max: number, expected: string): Parse<number> => {
	return (raw, name) => {
		const n =
			typeof raw === 'number'
				? raw
				: typeof raw === 'string' && raw.trim() !== ''
					? Number(raw)
					: Number.NaN;
		return Number.isInteger(n) && n >= min && n <= max ? n : fail(name, raw, expected);
	};
};
const port = wholeNumber(0, 65535, 'expected a port number (0 to 65535)');
const millis = wholeNumber(1, 2 ** 31 - 1, 'expected a positive whole number of milliseconds');

const boolean: Parse<boolean> = (raw, name) => {
	if (typeof raw === 'boolean') return raw;
	if (raw === 'true' || raw === '1') return true;
	if (raw === 'false' || raw === '0') return false;
	return fail(name, raw, 'expected true or false');
};

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
const bytes: Parse<number> = (raw, name) => {
	const match =
		typeof raw === 'number' ? [String(raw), String(raw), 'b'] : SIZE.exec(String(raw).trim());
	const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match?.[2] ?? 'b').toLowerCase() as 'b'];
	const n = match ? Number(match[1]) * unit : Number.NaN;
	return Number.isInteger(n) && n > 0
		? n
		: fail(name, raw, 'expected a size such as 1048576, 512kb or 1mb');
};

const origins: Parse<readonly string[] | '*'> = (raw, name) => {
	const list = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
	const trimmed = list.map((o) => o.trim()).filter((o) => o !== '');
	if (trimmed.length === 1 && trimmed[0] === '*') return '*';
	for (const origin of trimmed) {
		if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
			fail(name, raw, `"${origin}" is not an origin (scheme://host[:port], or * alone)`);
		}
	}
	return trimmed;
};

const level: Parse<LogLevel> = (raw, name) =>
	typeof raw === 'string' && isLogLevel(raw)
		? raw
		: fail(name, raw, `use one of ${LOG_LEVELS.join(', ')}`);

const streamName: Parse<string | undefined> = (raw, name) =>
	typeof raw === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw)
		? raw
		: fail(name, raw, 'use 1 to 64 letters, digits, _ or -');

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
		parse: optionalText,
		fallback: undefined,
		secret: 'url',
		doc: 'sqlite:<file> or postgres://...; .charter/charter.db by default.',
	},
	bus: {
		flag: 'bus',
		env: ['CHARTER_BUS'],
		parse: optionalText,
		fallback: undefined,
		secret: 'url',
		doc: 'nats://host:4222 for NATS JetStream; in-process by default.',
	},
	busStream: {
		flag: 'bus-stream',
		env: ['CHARTER_BUS_STREAM'],
		parse: streamName,
		fallback: undefined,
		doc: 'JetStream stream (CHARTER_EVENTS by default).',
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
		doc: 'Comma-separated origins browsers may call from, or *; off by default.',
	},
	bodyLimit: {
		flag: 'body-limit',
		env: ['CHARTER_BODY_LIMIT'],
		parse: bytes,
		fallback: 1024 * 1024,
		doc: 'Largest request body (bytes, kb or mb).',
	},
	timeoutMs: {
		flag: 'timeout',
		env: ['CHARTER_TIMEOUT'],
		parse: millis,
		fallback: undefined,
		doc: 'Deadline of one call in ms (30000).',
	},
	idempotencyLeaseMs: {
		flag: 'idempotency-lease',
		env: ['CHARTER_IDEMPOTENCY_LEASE'],
		parse: millis,
		fallback: undefined,
		doc: "How long a dead node's claim on an idempotency key blocks retries, ms (2 x timeout).",
	},
	idempotencyRetentionMs: {
		flag: 'idempotency-retention',
		env: ['CHARTER_IDEMPOTENCY_RETENTION'],
		parse: millis,
		fallback: undefined,
		doc: 'How long an idempotency key replays its result, ms (86400000).',
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
		parse: port,
		fallback: undefined,
		doc: 'Serve /metrics on this port (same host) instead of the main one.',
	},
	metricsToken: {
		env: ['CHARTER_METRICS_TOKEN'],
		parse: optionalText,
		fallback: undefined,
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
};

/** Where each effective value came from: `--port`, `PORT`, `charter.config.ts server.port`, `default`. */
export type SettingSources = { readonly [K in keyof ServerSettings]: string };

/** The flags `charter serve` reads for its settings. */
export const SETTING_FLAGS = {
	boolean: ['no-seed', 'metrics', 'tracing'],
	string: Object.values(SERVER_SETTINGS as Record<string, SettingSpec<unknown>>)
		.map((spec) => spec.flag)
		.filter((flag): flag is string => flag !== undefined && !['metrics', 'tracing'].includes(flag)),
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
	const settings: Record<string, unknown> = {};
	const sources: Record<string, string> = {};
	for (const [key, spec] of Object.entries(SERVER_SETTINGS) as [string, SettingSpec<unknown>][]) {
		const given = flagValue(flags, key, spec) ?? envValue(env, spec) ?? configValue(config, key);
		settings[key] = given === undefined ? spec.fallback : spec.parse(given.raw, given.name);
		sources[key] = given?.name ?? 'default';
	}
	for (const key of Object.keys(config ?? {})) {
		if (!(key in SERVER_SETTINGS)) {
			throw new UsageError(
				`charter.config.ts server.${key}: no such setting (${Object.keys(SERVER_SETTINGS).join(', ')})`,
				'CHARTER_INVALID_SETTING',
			);
		}
	}
	const resolved = settings as unknown as ServerSettings;
	const lease = resolved.idempotencyLeaseMs;
	const timeout = resolved.timeoutMs ?? 30_000;
	if (lease !== undefined && lease <= timeout) {
		throw new UsageError(
			`${sources.idempotencyLeaseMs} ${lease} must exceed the call timeout (${timeout} ms), or a slow call could run twice`,
			'CHARTER_INVALID_SETTING',
		);
	}
	if (
		resolved.metrics &&
		resolved.metricsPort === undefined &&
		resolved.metricsToken === undefined
	) {
		throw new UsageError(
			'metrics on the main port need CHARTER_METRICS_TOKEN (scrapers send it as a bearer token), or serve them apart with --metrics-port',
			'CHARTER_INVALID_SETTING',
		);
	}
	return { settings: resolved, sources: sources as SettingSources };
}

function flagValue(flags: ParsedFlags, key: string, spec: SettingSpec<unknown>) {
	if (key === 'seed' && flags.boolean['no-seed']) return { raw: false, name: '--no-seed' };
	if (spec.flag === undefined) return undefined;
	if (flags.boolean[spec.flag]) return { raw: true, name: `--${spec.flag}` };
	const raw = flags.string[spec.flag];
	return raw === undefined ? undefined : { raw, name: `--${spec.flag}` };
}

function envValue(env: Readonly<Record<string, string | undefined>>, spec: SettingSpec<unknown>) {
	for (const name of spec.env) {
		const raw = env[name];
		if (raw !== undefined && raw !== '') return { raw, name };
	}
	return undefined;
}

function configValue(config: ServerConfig | undefined, key: string) {
	const raw = config?.[key as keyof ServerConfig];
	return raw === undefined ? undefined : { raw, name: `charter.config.ts server.${key}` };
}

/** The effective settings as `--print-config` shows them: secrets masked, with their sources. */
export function printableSettings(
	settings: ServerSettings,
	sources: SettingSources,
): { key: string; value: string; source: string }[] {
	return (Object.keys(SERVER_SETTINGS) as (keyof ServerSettings)[]).map((key) => {
		const value = settings[key];
		const secret = SERVER_SETTINGS[key].secret;
		const shown =
			value === undefined
				? '(unset)'
				: secret === true
					? '***'
					: secret === 'url'
						? maskUrl(String(value))
						: Array.isArray(value)
							? value.join(',') || '(none)'
							: String(value);
		return { key, value: shown, source: sources[key] };
	});
}
