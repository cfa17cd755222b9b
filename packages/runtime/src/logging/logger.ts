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
	return {
		debug: (m, f) => logger.debug(m, { ...bound, ...f }),
		info: (m, f) => logger.info(m, { ...bound, ...f }),
		warn: (m, f) => logger.warn(m, { ...bound, ...f }),
		error: (m, f) => logger.error(m, { ...bound, ...f }),
	};
}
