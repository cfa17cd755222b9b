import { ProblemSignal } from '../../problems/error-mapper.ts';
import { buildProblem } from '../../problems/problem.ts';

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
	'SQLITE_BUSY',
	'SQLITE_CANTOPEN',
	'SQLITE_IOERR',
]);

/** Tells whether an error means the database cannot be reached right now (retrying may help). */
export function isUnavailable(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08')))
		return true;
	const message = error instanceof Error ? error.message : '';
	return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
		message,
	);
}

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
		}),
	);
}

/** Runs store work, turning a lost connection into a 503 problem. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toUnavailable(error);
	}
}
