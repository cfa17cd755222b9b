/** A governance input that cannot be used: a bad base, a corrupt lockfile, an unknown rule id. */
export class GovernanceError extends Error {
	override readonly name = 'GovernanceError';
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}
