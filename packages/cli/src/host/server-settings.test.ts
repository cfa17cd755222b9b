import { describe, expect, it } from 'vitest';
import { parseFlags } from '../args.ts';
import { printableSettings, resolveServerSettings, SETTING_FLAGS } from './server-settings.ts';

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
});
