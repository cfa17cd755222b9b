/**
 * Thrown when a type definition itself is wrong (not when a value fails validation).
 * `where` names the model and field, so the message can point at the mistake.
 */
export class SchemaDefinitionError extends Error {
	override readonly name = 'SchemaDefinitionError';
	constructor(
		readonly code: string,
		readonly where: string,
		message: string,
	) {
		super(`${where}: ${message}`);
	}
}
