// Reads a description and every file its `$ref`s reach, relative refs resolved from the file
// that holds them, with @apidevtools/json-schema-ref-parser (the resolver behind
// swagger-parser); JSON and YAML are parsed the way the import always parsed them.
import $RefParser, { type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { parse as parseYaml } from 'yaml';
import { OpenApiImportError } from './import-error.ts';

/** The files of a description: parsed values, or why a file could not be read. */
export interface DescriptionFiles {
	readonly values: ReadonlyMap<string, unknown>;
	readonly failures: ReadonlyMap<string, OpenApiImportError>;
}

const JSON_FILE = /\.json$/i;

/** A parser per kind: `.json` files as JSON, every other file as YAML (a superset of JSON). */
const parsers = {
	json: {
		order: 1,
		canParse: (file: FileInfo) => JSON_FILE.test(file.url),
		parse: (file: FileInfo) => JSON.parse(text(file)),
	},
	yaml: {
		order: 2,
		canParse: (file: FileInfo) => !JSON_FILE.test(file.url),
		parse: (file: FileInfo) => parseYaml(text(file), { maxAliasCount: -1 }),
	},
	text: false,
	binary: false,
} as const;

function text(file: FileInfo): string {
	return Buffer.isBuffer(file.data) ? file.data.toString('utf8') : String(file.data);
}

/**
 * Reads the description at `file` and the local files its `$ref`s lead to. Throws when the
 * description itself cannot be read or parsed; a referenced file that cannot be is kept as a
 * failure, reported where a `$ref` to it is followed.
 */
export async function readDescriptionFiles(file: string): Promise<DescriptionFiles> {
	const failures = new Map<string, OpenApiImportError>();
	let refs: $RefParser['$refs'];
	try {
		refs = await $RefParser.resolve(file, {
			parse: parsers,
			resolve: { http: false, external: true },
			continueOnError: true,
		});
	} catch (error) {
		const group = error as {
			files?: $RefParser;
			errors?: { name: string; message: string; source?: string }[];
		};
		if (!group.files || !Array.isArray(group.errors)) throw asImportError(error, file);
		refs = group.files.$refs;
		for (const failure of group.errors) {
			const source = failure.source ?? file;
			failures.set(source, asImportError(failure, source));
		}
	}
	const main = failures.get(file);
	if (main) throw main;
	const values = new Map<string, unknown>();
	for (const [path, value] of Object.entries(refs.values())) {
		if (!failures.has(path)) values.set(path, value);
	}
	return { values, failures };
}

/** A reader's error as the import's: unreadable, or not valid JSON or YAML. */
function asImportError(error: unknown, file: string): OpenApiImportError {
	const { name, message } = error as { name?: string; message?: string };
	const reason = (message ?? String(error)).split('\n')[0]!;
	if (name === 'ResolverError') {
		const code = /\b(E[A-Z]+)\b/.exec(reason)?.[1];
		return new OpenApiImportError(
			'OPENAPI_FILE_UNREADABLE',
			`cannot read the file: ${code ?? reason}`,
			file,
		);
	}
	return new OpenApiImportError(
		'OPENAPI_PARSE_FAILED',
		`not valid ${JSON_FILE.test(file) ? 'JSON' : 'YAML'}: ${reason.replace(/^Error parsing \S+:?\s*/, '')}`,
		file,
	);
}
