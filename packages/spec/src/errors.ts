/**
 * Thrown when a contract definition is wrong. The message names the contract key and the
 * field, so the loader can add the file and a user sees where to look.
 */
export class ContractDefinitionError extends Error {
	override readonly name = 'ContractDefinitionError';
	constructor(
		readonly code: string,
		readonly key: string | undefined,
		readonly field: string,
		readonly reason: string,
	) {
		super(`contract ${key ?? '(no key)'}: ${field}: ${reason}`);
	}
}
