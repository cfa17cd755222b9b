/**
 * Codes of configuration and startup faults, each with what it means and what to do.
 * These are never sent to callers; they stop a server from starting with a clear message.
 */
export const CHARTER_ERROR_CODES = {
	CHARTER_MISSING_HANDLER:
		"An operation has no handler. Bind one with implement(contract, handler), or answer 501 for it: `unimplemented: '501'` in charter.config.ts, `charter serve --unimplemented 501`, or the executor option serveUnimplemented.",
	CHARTER_DUPLICATE_BINDING: 'Two handlers are bound to the same operation key and version.',
	CHARTER_UNKNOWN_BINDING: 'A handler is bound to a contract that is not an operation.',
	CHARTER_WIRE_NAME_COLLISION:
		'Two operations claim the same REST method and path, GraphQL field or MCP tool. Rename one or override its transport names.',
	CHARTER_MISSING_DECIDER:
		'A policy names a rule that no decider decides. Pass it in createExecutor({ deciders }).',
	CHARTER_INVALID_OPTION: 'An executor or server option has an invalid value.',
	CHARTER_INVALID_REST_PATH:
		"An operation's REST path names parameters, but its input is not an object: path parameters are fields of the input.",
	CHARTER_INVALID_REST_WIRE:
		"An operation's transport.rest names an input field the input does not have (a parameter or the body field), or a success status outside 200-299.",
	CHARTER_MIDDLEWARE_MISUSE:
		'A middleware called next() twice, or added to ctx a property the context already has (principal, logger...). Call next() once; name extensions apart.',
	CHARTER_UNKNOWN_EVENT:
		'An operation emits an event that is neither declared with a payload nor registered.',
	CHARTER_STORE_URL_INVALID:
		'The store URL is not understood. Use sqlite:<file> (e.g. sqlite:.charter/charter.db) or postgres://user@host:5432/db.',
	CHARTER_SQL_STORES_REQUIRED:
		'The app keeps its own tables (defineSqlApp) but was given other stores. Serve it with `charter serve`, run its examples with `charter test` (SQLite in memory by default), or pass SQL stores from @charter/sql in a test.',
	CHARTER_STORE_UNREACHABLE:
		'The database cannot be reached or opened. Check that it runs, the URL, the credentials and the file permissions.',
	CHARTER_BUS_UNREACHABLE:
		'The event bus cannot be reached. Check that NATS runs with JetStream enabled and the URL (nats://host:4222).',
	CHARTER_RATE_LIMIT_STORE_UNREACHABLE:
		'The shared rate-limit store cannot be reached. Check that Redis runs and the URL (redis://host:6379), or count in memory (one node).',
} as const;

/** A code from {@link CHARTER_ERROR_CODES}. */
export type CharterErrorCode = keyof typeof CHARTER_ERROR_CODES;

/**
 * Signals a configuration or startup fault. `where` names the contract or option at fault.
 *
 * @example
 * throw new CharterConfigError('CHARTER_MISSING_HANDLER', 'workflow.instance.pause@1.0.0', 'no handler is bound');
 */
export class CharterConfigError extends Error {
	override readonly name = 'CharterConfigError';
	constructor(
		readonly code: CharterErrorCode,
		readonly where: string,
		readonly reason: string,
	) {
		super(`[${code}] ${where}: ${reason}. ${CHARTER_ERROR_CODES[code]}`);
	}
}
