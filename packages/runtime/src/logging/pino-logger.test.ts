import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type Logger, withFields } from './logger.ts';
import { createLogger } from './pino-logger.ts';
import { piiFieldNames, REDACTED } from './redact.ts';

/** A stream keeping what is written, like a file or a pipe (not a TTY). */
function sink(isTTY = false) {
	const chunks: string[] = [];
	const stream = Object.assign(
		new Writable({
			write(chunk, _encoding, done) {
				chunks.push(String(chunk));
				done();
			},
		}),
		{ isTTY },
	);
	const lines = () =>
		chunks
			.join('')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as Record<string, unknown>);
	return { stream, chunks, lines };
}

describe('Logger', () => {
	it('is satisfied by a plain pino logger, whose lines keep the fields', () => {
		const out = sink();
		const logger: Logger = pino(out.stream);
		logger.warn({ event: 'x.y', eventId: 'e1' }, 'subscriber failed');
		withFields(logger, { traceId: 't1' }).error({ code: 'INTERNAL' }, 'boom');
		const [first, second] = out.lines();
		expect(first).toMatchObject({ msg: 'subscriber failed', event: 'x.y', eventId: 'e1' });
		expect(second).toMatchObject({ msg: 'boom', traceId: 't1', code: 'INTERNAL' });
	});

	it('binds fields on a logger without child by merging them into each line', () => {
		const seen: unknown[] = [];
		const bare: Logger = {
			debug() {},
			info: (fields: unknown, message?: string) => {
				seen.push([fields, message]);
			},
			warn() {},
			error() {},
		};
		withFields(bare, { traceId: 't' }).info({ a: 1 }, 'm');
		withFields(bare, { traceId: 't' }).info('plain');
		expect(seen).toEqual([
			[{ traceId: 't', a: 1 }, 'm'],
			[{ traceId: 't' }, 'plain'],
		]);
	});
});

describe('createLogger', () => {
	it('writes JSON lines with level names, from the configured level up', () => {
		const out = sink();
		const logger = createLogger({ level: 'warn', destination: out.stream });
		logger.info({ n: 1 }, 'dropped');
		logger.warn({ n: 2 }, 'kept');
		logger.error('also kept');
		expect(out.lines()).toEqual([
			expect.objectContaining({ level: 'warn', msg: 'kept', n: 2, time: expect.any(Number) }),
			expect.objectContaining({ level: 'error', msg: 'also kept' }),
		]);
	});

	it('is pretty on a TTY and JSON otherwise, unless the format is given', () => {
		const tty = sink(true);
		createLogger({ destination: tty.stream }).info({ user: 'ada' }, 'signed in');
		expect(tty.chunks.join('')).toContain('signed in');
		expect(() => JSON.parse(tty.chunks.join(''))).toThrow();
		const forced = sink(true);
		createLogger({ destination: forced.stream, format: 'json' }).info('x');
		expect(forced.lines()[0]).toMatchObject({ msg: 'x' });
	});

	it('redacts tokens, Authorization, cookies and PII fields, at any depth and in bindings', () => {
		const out = sink();
		const logger = createLogger({ destination: out.stream, redact: ['email'] });
		logger.info(
			{
				headers: { authorization: 'Bearer abc', cookie: 's=1', 'x-api-key': 'k', accept: '*/*' },
				user: { id: 'u1', email: 'ada@example.com', profile: [{ email: 'b@example.com' }] },
				password: 'hunter2',
				note: 'Bearer leaked-in-a-string',
			},
			'request',
		);
		withFields(logger, { access_token: 'secret', operation: 'a.b' }).warn('bound');
		const [line, bound] = out.lines();
		expect(line).toMatchObject({
			headers: { authorization: REDACTED, cookie: REDACTED, 'x-api-key': REDACTED, accept: '*/*' },
			user: { id: 'u1', email: REDACTED, profile: [{ email: REDACTED }] },
			password: REDACTED,
			note: REDACTED,
		});
		expect(bound).toMatchObject({ access_token: REDACTED, operation: 'a.b' });
		expect(out.chunks.join('')).not.toMatch(/abc|hunter2|ada@example|leaked|secret/);
	});

	it('never changes the logged object', () => {
		const out = sink();
		const fields = { headers: { authorization: 'Bearer abc' } };
		createLogger({ destination: out.stream }).info(fields, 'x');
		expect(fields.headers.authorization).toBe('Bearer abc');
	});
});

describe('piiFieldNames', () => {
	it('gives the last segment of each PII pointer of the events', () => {
		expect(
			piiFieldNames([
				{ kind: 'event', pii: ['/email', '/owner/phone', '/a~1b'] },
				{ kind: 'event', pii: [] },
			]),
		).toEqual(['email', 'phone', 'a/b']);
	});
});
