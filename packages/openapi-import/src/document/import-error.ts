/** Codes of the errors an import can stop with. */
export type ImportErrorCode =
	| 'OPENAPI_FILE_UNREADABLE'
	| 'OPENAPI_PARSE_FAILED'
	| 'OPENAPI_SWAGGER_2'
	| 'OPENAPI_INVALID_DOCUMENT'
	| 'OPENAPI_BROKEN_REF'
	| 'OPENAPI_EDITED_FILES';

/** An import that cannot go on: what was wrong, where (file and JSON path), and what to do. */
export class OpenApiImportError extends Error {
	override readonly name = 'OpenApiImportError';
	constructor(
		readonly code: ImportErrorCode,
		message: string,
		readonly file?: string,
		readonly path?: string,
	) {
		super(`${file ? `${file}` : ''}${path ? `${path}` : ''}${file || path ? ': ' : ''}${message}`);
	}
}
