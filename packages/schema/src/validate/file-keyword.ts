import type { FuncKeywordDefinition } from 'ajv';

/** A `File` field's limits, as the JSON Schema emitter writes them for validators. */
type FileLimits = true | { readonly maxBytes?: number; readonly mediaTypes?: readonly string[] };

/** True when `type` is one of `accepted` (`image/png`, or a range like `image/*`). */
export function acceptsMediaType(accepted: readonly string[], type: string): boolean {
	const actual = type.split(';')[0]!.trim().toLowerCase();
	return accepted.some((entry) => {
		const wanted = entry.toLowerCase();
		return wanted.endsWith('/*')
			? actual.startsWith(wanted.slice(0, -1))
			: wanted === '*/*' || wanted === actual;
	});
}

/**
 * The keyword a `File` field compiles to in a validator: the value is a web `File` (a `Blob`)
 * within its size and of an accepted media type. The REST surface enforces the size while it
 * reads the part (413); checked here again so a value built any other way is held to it too.
 */
export const FILE_KEYWORD: FuncKeywordDefinition = {
	keyword: 'charterFile',
	errors: true,
	validate: function validateFile(limits: FileLimits, data: unknown): boolean {
		const fail = (message: string) => {
			(validateFile as unknown as { errors: unknown[] }).errors = [
				{ keyword: 'charterFile', message, params: {} },
			];
			return false;
		};
		if (!(data instanceof Blob)) return fail('must be a file (a multipart/form-data file part)');
		if (limits === true) return true;
		if (limits.maxBytes !== undefined && data.size > limits.maxBytes)
			return fail(`must be at most ${limits.maxBytes} bytes`);
		if (limits.mediaTypes !== undefined && !acceptsMediaType(limits.mediaTypes, data.type))
			return fail(`must be of media type ${limits.mediaTypes.join(' or ')}`);
		return true;
	},
};
