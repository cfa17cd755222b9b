import { buildProblem, createProblem, ProblemSignal } from '@charter/runtime';

/** Error codes of a lost or refused connection (Node sockets, PostgreSQL classes 08 and 57P). */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'57P01',
	'57P02',
	'57P03',
	'53300',
]);

/**
 * SQLite result codes (and their extended `_…` forms) of a database that cannot serve writes or
 * reads right now: locked, unopenable, read-only (a file or disk turned read-only), I/O errors,
 * a full disk.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|CANTOPEN|READONLY|IOERR|FULL)(_|$)/;

/** Tells whether an error means the database cannot be reached right now (retrying may help). */
export function isUnavailable(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	if (
		typeof code === 'string' &&
		(CONNECTION_CODES.has(code) || code.startsWith('08') || SQLITE_UNAVAILABLE.test(code))
	)
		return true;
	const message = error instanceof Error ? error.message : '';
	return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
		message,
	);
}

/** The `Retry-After` of a 503 for an unavailable database, in seconds. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * Maps a lost database to a 503 problem (`STORE_UNAVAILABLE`); other errors pass through.
 * The executor turns the signal into the problem callers see; the process keeps running.
 */
export function toUnavailable(error: unknown): unknown {
	if (!isUnavailable(error)) return error;
	return new ProblemSignal(
		buildProblem({
			code: 'STORE_UNAVAILABLE',
			status: 503,
			title: 'Storage unavailable',
			detail: 'the database cannot be reached right now; retry later',
			retryAfter: STORE_RETRY_AFTER_SECONDS,
		}),
	);
}

/**
 * Error codes of a write that lost to another transaction: a unique key taken meanwhile
 * (PostgreSQL 23505, SQLite's constraint codes), a serialization failure (40001) or a deadlock
 * (40P01). Retrying after reading again may succeed: a 409, never a 500.
 */
const CONFLICT_CODES = new Set([
	'23505',
	'40001',
	'40P01',
	'SQLITE_CONSTRAINT_UNIQUE',
	'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** Tells whether an error is a write that lost to a concurrent one (a constraint or serialization conflict). */
export function isConflict(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return typeof code === 'string' && CONFLICT_CODES.has(code);
}

/**
 * Maps a store's failure to the problem callers see: a lost database is 503
 * (`STORE_UNAVAILABLE`), a lost race on a key or a row is 409 (`CONFLICT`); other errors pass.
 */
export function translateStoreError(error: unknown): unknown {
	if (isConflict(error)) {
		return new ProblemSignal(
			createProblem('CONFLICT', {
				detail: 'a concurrent change was committed first; read again and retry',
			}),
		);
	}
	return toUnavailable(error);
}

/** Runs store work, turning a lost connection into a 503 problem and a lost race into a 409. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw translateStoreError(error);
	}
}
