/**
 * Registers tsx, which loads a project's TypeScript (config, contracts, handlers), the first
 * time one of those modules is imported. Charter's own modules, imported before, load as the
 * plain JavaScript they are: in Node 20 every import after `register()` goes through the
 * loader's worker thread, which slowed every start. (Inside Charter's repository the bin
 * registers tsx first, as Charter's sources are TypeScript too; this then does nothing.)
 */
export function ensureTypeScriptLoader(): Promise<void> {
	const state = globalThis as { [REGISTERED]?: Promise<void> };
	state[REGISTERED] ??= import('tsx/esm/api').then(({ register }) => {
		register();
	});
	return state[REGISTERED];
}

/** Set by the bin when it registered tsx itself; shared through globalThis. */
const REGISTERED = Symbol.for('charter.typescript-loader');
