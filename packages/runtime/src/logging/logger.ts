/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/**
 * One level's log function, in pino's argument order: fields first, then the message. A pino
 * logger is a `Logger` as it is, and keeps the fields (pino reads a trailing object as a
 * format argument, so a `(message, fields)` order would lose them).
 */
export interface LogFn {
	(fields: LogFields, message?: string): void;
	(message: string): void;
}

/** The logger handlers and the runtime write to: pino fits as it is; so does `createLogger`. */
export interface Logger {
	debug: LogFn;
	info: LogFn;
	warn: LogFn;
	error: LogFn;
	/** A logger adding `bindings` to every line (pino's `child`); `withFields` uses it when present. */
	child?(bindings: LogFields): Logger;
}

/** Log levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Tells whether a string names a log level. */
export function isLogLevel(value: string): value is LogLevel {
	return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Splits a log call's arguments into fields and message, whichever form was used. */
export function logArguments(
	first: LogFields | string,
	message: string | undefined,
): { fields: LogFields | undefined; message: string } {
	return typeof first === 'string'
		? { fields: undefined, message: first }
		: { fields: first, message: message ?? '' };
}

/**
 * Creates a dependency-free logger writing JSON lines to stderr from `level` upwards (pino's
 * shape: `level`, `time`, `msg`). `createLogger` is the one to serve with; this one suits tests
 * and tools that must not load pino.
 */
export function createConsoleLogger(level: LogLevel = 'info'): Logger {
	const min = LOG_LEVELS.indexOf(level);
	const line =
		(at: Exclude<LogLevel, 'silent'>): LogFn =>
		(first: LogFields | string, text?: string): void => {
			if (LOG_LEVELS.indexOf(at) < min) return;
			const { fields, message } = logArguments(first, text);
			process.stderr.write(
				`${JSON.stringify(Object.assign({ level: at, time: Date.now() }, fields, { msg: message }))}\n`,
			);
		};
	return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
	debug() {},
	info() {},
	warn() {},
	error() {},
	child: () => silentLogger,
};

/**
 * Wraps a logger so every line carries the given fields (the trace id, the operation): the
 * logger's own `child` when it has one, else a light wrapper.
 */
export function withFields(logger: Logger, bound: LogFields): Logger {
	if (logger === silentLogger) return logger;
	// A class, not four closures: the pipeline binds a logger per call and rarely logs.
	return new BoundLogger(logger, bound);
}

/**
 * Binds fields lazily: the pipeline binds a logger per call and most calls never log, so
 * pino's `child` (which serialises its bindings at once) is only made at the first line.
 */
class BoundLogger implements Logger {
	#child: Logger | undefined;
	constructor(
		private readonly logger: Logger,
		private readonly bound: LogFields,
	) {}
	#target(): Logger {
		this.#child ??= this.logger.child
			? this.logger.child(this.bound)
			: new MergingLogger(this.logger, this.bound);
		return this.#child;
	}
	debug(first: LogFields | string, message?: string): void {
		log(this.#target(), 'debug', first, message);
	}
	info(first: LogFields | string, message?: string): void {
		log(this.#target(), 'info', first, message);
	}
	warn(first: LogFields | string, message?: string): void {
		log(this.#target(), 'warn', first, message);
	}
	error(first: LogFields | string, message?: string): void {
		log(this.#target(), 'error', first, message);
	}
	child(bindings: LogFields): Logger {
		return withFields(this.#target(), bindings);
	}
}

/** A logger without `child`: the bound fields are merged into each line's. */
class MergingLogger implements Logger {
	constructor(
		private readonly logger: Logger,
		private readonly bound: LogFields,
	) {}
	debug(first: LogFields | string, message?: string): void {
		this.#at('debug', first, message);
	}
	info(first: LogFields | string, message?: string): void {
		this.#at('info', first, message);
	}
	warn(first: LogFields | string, message?: string): void {
		this.#at('warn', first, message);
	}
	error(first: LogFields | string, message?: string): void {
		this.#at('error', first, message);
	}
	#at(level: Exclude<LogLevel, 'silent'>, first: LogFields | string, text?: string): void {
		const { fields, message } = logArguments(first, text);
		this.logger[level](Object.assign({}, this.bound, fields), message);
	}
}

function log(
	logger: Logger,
	level: Exclude<LogLevel, 'silent'>,
	first: LogFields | string,
	message: string | undefined,
): void {
	if (typeof first === 'string') logger[level](first);
	else logger[level](first, message);
}
