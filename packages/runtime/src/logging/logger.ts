/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** The logger handlers and the runtime write to; bring your own (pino fits as is). */
export interface Logger {
	debug(message: string, fields?: LogFields): void;
	info(message: string, fields?: LogFields): void;
	warn(message: string, fields?: LogFields): void;
	error(message: string, fields?: LogFields): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Creates a logger writing JSON lines to stderr from `level` upwards. */
export function createConsoleLogger(level: Level = 'info'): Logger {
	const min = LEVELS.indexOf(level);
	const line =
		(at: Level) =>
		(message: string, fields?: LogFields): void => {
			if (LEVELS.indexOf(at) < min) return;
			process.stderr.write(
				`${JSON.stringify({ level: at, time: new Date().toISOString(), message, ...fields })}\n`,
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
};

/** Wraps a logger so every line carries the given fields (the trace id, the operation). */
export function withFields(logger: Logger, bound: LogFields): Logger {
	// A class, not four closures: the pipeline binds a logger per call and rarely logs.
	return new BoundLogger(logger, bound);
}

class BoundLogger implements Logger {
	constructor(
		private readonly logger: Logger,
		private readonly bound: LogFields,
	) {}
	debug(message: string, fields?: LogFields): void {
		this.logger.debug(message, { ...this.bound, ...fields });
	}
	info(message: string, fields?: LogFields): void {
		this.logger.info(message, { ...this.bound, ...fields });
	}
	warn(message: string, fields?: LogFields): void {
		this.logger.warn(message, { ...this.bound, ...fields });
	}
	error(message: string, fields?: LogFields): void {
		this.logger.error(message, { ...this.bound, ...fields });
	}
}
