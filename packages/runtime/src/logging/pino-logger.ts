import { createRequire } from 'node:module';
import pino, {
	type Bindings,
	type ChildLoggerOptions,
	type DestinationStream,
	type Logger as PinoLogger,
} from 'pino';
import type { Logger, LogLevel } from './logger.ts';
import { createRedactor, type Redactor } from './redact.ts';

/** How to build the server's logger. */
export interface LoggerOptions {
	/** Lowest level written (`info` by default). */
	readonly level?: LogLevel;
	/** `json` lines, or `pretty` for a person; `auto` (the default) is pretty on a TTY. */
	readonly format?: 'json' | 'pretty' | 'auto';
	/** Extra field names to redact (PII field names from the contracts, see `piiFieldNames`). */
	readonly redact?: Iterable<string>;
	/** Where lines go: stderr by default (stdout may carry a protocol, as `charter mcp`'s does). */
	readonly destination?: DestinationStream & { isTTY?: boolean };
}

/**
 * Creates a pino logger: JSON lines by default, pretty on a TTY, secrets (`Authorization`,
 * tokens, passwords, cookies, `Bearer …` values) and the given PII fields redacted in every
 * line and every child's bindings.
 *
 * @example
 * const logger = createLogger({ level: 'debug', redact: piiFieldNames(registry.events()) });
 * logger.info({ user: 'ada' }, 'signed in');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
	const redact = createRedactor(options.redact);
	const out = options.destination ?? process.stderr;
	const format = options.format ?? 'auto';
	const isPretty = format === 'pretty' || (format === 'auto' && out.isTTY === true);
	const stream: DestinationStream = isPretty
		? prettyStream()({ destination: out, sync: true, colorize: out.isTTY === true })
		: out;
	const logger = pino(
		{
			level: options.level ?? 'info',
			base: undefined,
			formatters: {
				// Level names in JSON (what a log search filters on); pino-pretty reads numbers.
				...(isPretty ? {} : { level: (label: string) => ({ level: label }) }),
				log: (fields) => redact(fields),
			},
		},
		stream,
	);
	return redactChildBindings(logger, redact);
}

/** pino passes a child's bindings through no formatter: they are redacted on the way in. */
function redactChildBindings(logger: PinoLogger, redact: Redactor): PinoLogger {
	const child = logger.child.bind(logger);
	return Object.assign(logger, {
		child: (bindings: Bindings, options?: ChildLoggerOptions) =>
			redactChildBindings(child(redact(bindings), options), redact),
	});
}

/** pino-pretty, loaded only for a logger that prints for a person (a terminal). */
function prettyStream(): typeof import('pino-pretty') {
	return createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
}
