import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../args.ts';
import {
	printableSettings,
	resolveServerSettings,
	SERVER_SETTINGS,
	SETTING_FLAGS,
	serverSettingsReference,
} from './server-settings.ts';

const flags = (...args: string[]) => parseFlags(args, SETTING_FLAGS);

describe('server settings', () => {
	it('takes each setting from its flag, then its environment variable, then the config, then the default, and says where from', () => {
		const { settings, sources } = resolveServerSettings(
			flags('--port', '4000', '--cors', 'https://a.example, https://b.example'),
			{
				PORT: '5000',
				CHARTER_HOST: '0.0.0.0',
				CHARTER_BODY_LIMIT: '512kb',
				CHARTER_TRACING: 'true',
			},
			{ port: 6000, host: '10.0.0.1', logLevel: 'warn', drainTimeoutMs: 2500 },
		);
		expect(settings).toMatchObject({
			port: 4000,
			host: '0.0.0.0',
			logLevel: 'warn',
			corsOrigins: ['https://a.example', 'https://b.example'],
			bodyLimit: 512 * 1024,
			drainTimeoutMs: 2500,
			tracing: true,
			metrics: false,
			seed: true,
		});
		expect(sources).toMatchObject({
			port: '--port',
			host: 'CHARTER_HOST',
			logLevel: 'charter.config.ts server.logLevel',
			bodyLimit: 'CHARTER_BODY_LIMIT',
			metrics: 'default',
		});
		expect(resolveServerSettings(flags('--no-seed'), {}, undefined).settings.seed).toBe(false);
		expect(
			resolveServerSettings(flags(), { CHARTER_CORS_ORIGINS: '*' }, undefined).settings.corsOrigins,
		).toBe('*');
	});

	it('refuses a bad value naming the setting where it was given', () => {
		const bad =
			(env: Record<string, string>, config?: Record<string, unknown>, ...args: string[]) =>
			() =>
				resolveServerSettings(flags(...args), env, config);
		expect(bad({ PORT: '70000' })).toThrow('PORT 70000: expected a port number (0 to 65535)');
		expect(bad({}, undefined, '--log-level', 'loud')).toThrow('--log-level loud: use one of');
		expect(bad({}, { bodyLimit: 'huge' })).toThrow(
			'charter.config.ts server.bodyLimit huge: expected a size',
		);
		expect(bad({ CHARTER_CORS_ORIGINS: 'example.com' })).toThrow('"example.com" is not an origin');
		expect(bad({ CHARTER_METRICS: 'yes' })).toThrow('CHARTER_METRICS yes: expected true or false');
		expect(bad({}, { prot: 3000 })).toThrow('charter.config.ts server.prot: no such setting');
		expect(bad({ CHARTER_TIMEOUT: '5000', CHARTER_IDEMPOTENCY_LEASE: '4000' })).toThrow(
			'CHARTER_IDEMPOTENCY_LEASE 4000 must exceed the call timeout (5000 ms)',
		);
	});

	it('metrics on the main port need a token; on a port of their own they may go without', () => {
		expect(() => resolveServerSettings(flags('--metrics'), {}, undefined)).toThrow(
			'metrics on the main port need CHARTER_METRICS_TOKEN',
		);
		expect(
			resolveServerSettings(flags('--metrics', '--metrics-port', '9464'), {}, undefined).settings,
		).toMatchObject({ metrics: true, metricsPort: 9464 });
	});

	it('--print-config masks secrets and database passwords', () => {
		const { settings, sources } = resolveServerSettings(
			flags('--metrics'),
			{
				CHARTER_METRICS_TOKEN: 'scrape-secret',
				CHARTER_DB: 'postgres://app:hunter2@db:5432/app',
			},
			undefined,
		);
		const shown = printableSettings(settings, sources);
		const text = JSON.stringify(shown);
		expect(text).not.toContain('scrape-secret');
		expect(text).not.toContain('hunter2');
		expect(shown.find((r) => r.key === 'db')).toEqual({
			key: 'db',
			value: 'postgres://app:***@db:5432/app',
			source: 'CHARTER_DB',
		});
		expect(shown.find((r) => r.key === 'metricsToken')?.value).toBe('***');
	});

	it('timeouts, hosts and origins, rate limits and the token source are settings like the others', () => {
		const { settings, sources } = resolveServerSettings(
			flags(
				'--headers-timeout',
				'2000',
				'--allowed-hosts',
				'api.example.com',
				'--rate-limit',
				'off',
			),
			{
				CHARTER_REQUEST_TIMEOUT: '9000',
				CHARTER_ALLOWED_ORIGINS: 'https://app.example.com',
				CHARTER_RATE_LIMIT_STORE: 'redis://redis:6379',
				CHARTER_JWT_ISSUER: 'https://idp.example',
				CHARTER_DEMO_TOKENS: 'false',
			},
			{
				keepAliveTimeoutMs: 4000,
				jwtAudience: ['api', 'admin'],
				jwtClaimRoles: 'realm_access.roles',
				jwtClockToleranceSec: 5,
			},
		);
		expect(settings).toMatchObject({
			headersTimeoutMs: 2000,
			requestTimeoutMs: 9000,
			keepAliveTimeoutMs: 4000,
			allowedHosts: ['api.example.com'],
			allowedOrigins: ['https://app.example.com'],
			rateLimit: 'off',
			rateLimitStore: 'redis://redis:6379',
			jwtIssuer: 'https://idp.example',
			jwtAudience: ['api', 'admin'],
			jwtJwksUrl: undefined,
			jwtClaimRoles: 'realm_access.roles',
			jwtClockToleranceSec: 5,
			demoTokens: false,
		});
		expect(sources).toMatchObject({
			headersTimeoutMs: '--headers-timeout',
			requestTimeoutMs: 'CHARTER_REQUEST_TIMEOUT',
			keepAliveTimeoutMs: 'charter.config.ts server.keepAliveTimeoutMs',
			jwtAudience: 'charter.config.ts server.jwtAudience',
			jwtJwksUrl: 'default',
		});
	});

	it('answers loopback names only on a loopback host, any host elsewhere, unless told', () => {
		const hostsOn = (host: string, env: Record<string, string> = {}) =>
			resolveServerSettings(flags('--host', host), env, undefined).settings.allowedHosts;
		expect(hostsOn('127.0.0.1')).toEqual(['localhost', '127.0.0.1', '[::1]']);
		expect(hostsOn('0.0.0.0')).toBe('*');
		expect(hostsOn('0.0.0.0', { CHARTER_ALLOWED_HOSTS: 'a.example,b.example:8080' })).toEqual([
			'a.example',
			'b.example:8080',
		]);
		expect(hostsOn('127.0.0.1', { CHARTER_ALLOWED_HOSTS: '*' })).toBe('*');
	});

	it('refuses bad timeouts, hosts, rate limits and JWT settings, naming where they were given', () => {
		const bad =
			(env: Record<string, string>, config?: Record<string, unknown>, ...args: string[]) =>
			() =>
				resolveServerSettings(flags(...args), env, config);
		expect(bad({}, undefined, '--headers-timeout', '40000')).toThrow(
			'--headers-timeout 40000 must not exceed the request timeout (30000 ms)',
		);
		expect(bad({ CHARTER_KEEP_ALIVE_TIMEOUT: '-1' })).toThrow(
			'CHARTER_KEEP_ALIVE_TIMEOUT -1: expected a positive whole number of milliseconds',
		);
		expect(bad({ CHARTER_ALLOWED_HOSTS: ',' })).toThrow('CHARTER_ALLOWED_HOSTS ,: give host names');
		expect(bad({}, { allowedOrigins: ['app.example'] })).toThrow(
			'charter.config.ts server.allowedOrigins app.example: "app.example" is not an origin',
		);
		expect(bad({ CHARTER_RATE_LIMIT: 'lots' })).toThrow(
			'CHARTER_RATE_LIMIT lots: use off, or ADDRESS[,PRINCIPAL]',
		);
		expect(bad({}, undefined, '--rate-limit-store', 'memcached://x')).toThrow(
			'--rate-limit-store memcached://x: use memory or a redis:// URL',
		);
		expect(bad({ CHARTER_JWT_ISSUER: 'idp.example', CHARTER_JWT_AUDIENCE: 'api' })).toThrow(
			'CHARTER_JWT_ISSUER idp.example: expected an http:// or https:// URL',
		);
		expect(bad({ CHARTER_JWT_ISSUER: 'https://idp.example' })).toThrow(
			'CHARTER_JWT_ISSUER is set without an audience',
		);
		expect(bad({}, { jwtJwksUrl: 'https://idp.example/jwks' })).toThrow(
			'charter.config.ts server.jwtJwksUrl is set without an issuer',
		);
		expect(bad({ CHARTER_JWT_CLOCK_TOLERANCE: '1.5' })).toThrow(
			'CHARTER_JWT_CLOCK_TOLERANCE 1.5: expected a whole number of seconds',
		);
	});

	it('reads a secret from the file its _FILE variable names, and never shows it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'charter-secret-'));
		writeFileSync(join(dir, 'token'), 'from-a-file\n');
		writeFileSync(join(dir, 'store'), 'rediss://:p4ss@redis:6380\n');
		const { settings, sources } = resolveServerSettings(
			flags('--metrics'),
			{
				CHARTER_METRICS_TOKEN_FILE: join(dir, 'token'),
				CHARTER_RATE_LIMIT_STORE_FILE: join(dir, 'store'),
			},
			undefined,
		);
		expect(settings.metricsToken).toBe('from-a-file');
		expect(sources.metricsToken).toBe('CHARTER_METRICS_TOKEN');
		const shown = JSON.stringify(printableSettings(settings, sources));
		expect(shown).not.toContain('from-a-file');
		expect(shown).not.toContain('p4ss');
		expect(shown).toContain('rediss://:***@redis:6380');
		expect(() =>
			resolveServerSettings(flags(), { CHARTER_DB_FILE: join(dir, 'missing') }, undefined),
		).toThrow(`CHARTER_DB_FILE ${join(dir, 'missing')}: cannot read the file (ENOENT)`);
		// A bad secret is refused without being printed.
		expect(() =>
			resolveServerSettings(flags(), { CHARTER_RATE_LIMIT_STORE: 'http://u:hunter2@x' }, undefined),
		).toThrow('CHARTER_RATE_LIMIT_STORE http://u:***@x: use memory or a redis:// URL');
		// Variables that are not secrets have no _FILE form.
		expect(
			resolveServerSettings(flags(), { CHARTER_PORT_FILE: join(dir, 'token') }, undefined).sources
				.port,
		).toBe('default');
	});

	it('--print-config shows every setting, the token source included, and the docs table lists them all', () => {
		const { settings, sources } = resolveServerSettings(flags(), {}, undefined);
		const keys = printableSettings(settings, sources).map((row) => row.key);
		expect(keys).toEqual(Object.keys(SERVER_SETTINGS));
		expect(keys).toEqual(
			expect.arrayContaining(['headersTimeoutMs', 'allowedHosts', 'rateLimit', 'jwtIssuer']),
		);
		const table = serverSettingsReference();
		for (const [key, spec] of Object.entries(SERVER_SETTINGS)) {
			expect(table).toContain(`| \`${key}\` |`);
			for (const variable of spec.env) expect(table).toContain(`\`${variable}\``);
		}
		expect(table).toContain('`CHARTER_METRICS_TOKEN_FILE`');
	});
});
