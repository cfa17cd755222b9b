import { dirname, relative, resolve } from 'node:path';
import { type DescriptionFiles, readDescriptionFiles } from './description-files.ts';
import { OpenApiImportError } from './import-error.ts';
import { readPointer } from './json-pointer.ts';

/** A JSON object read from a description. */
export type JsonObject = Record<string, unknown>;

/** Where a `$ref` leads: the file, the pointer inside it and the value there. */
export interface RefTarget {
	readonly file: string;
	readonly pointer: string;
	readonly value: unknown;
}

/** Tells whether a value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An OpenAPI description and the files its `$ref`s reach, read once by
 * {@link readDescriptionFiles}; references resolve within a file (`#/components/...`) or to
 * other local files (`./pet.yaml#/Pet`, `common.json`), from the file that holds them.
 */
export class OpenApiSource {
	readonly #files: DescriptionFiles;
	readonly mainFile: string;
	readonly root: JsonObject;
	readonly version: '3.0' | '3.1';
	/** Directory paths are shown relative to. */
	readonly baseDir: string;

	/** Reads the description at `file` and every file it refers to. */
	static async open(file: string): Promise<OpenApiSource> {
		return new OpenApiSource(resolve(file), await readDescriptionFiles(resolve(file)));
	}

	private constructor(file: string, files: DescriptionFiles) {
		this.#files = files;
		this.mainFile = file;
		this.baseDir = dirname(this.mainFile);
		const root = this.#read(this.mainFile);
		if (!isObject(root)) {
			throw new OpenApiImportError(
				'OPENAPI_INVALID_DOCUMENT',
				'the document is not an object',
				this.display(this.mainFile),
			);
		}
		if (typeof root.swagger === 'string') {
			throw new OpenApiImportError(
				'OPENAPI_SWAGGER_2',
				`this is a Swagger ${root.swagger} description; charter imports OpenAPI 3.0 and 3.1. Convert it first (for example with swagger2openapi) and import the result`,
				this.display(this.mainFile),
				'#/swagger',
			);
		}
		const version = typeof root.openapi === 'string' ? /^3\.(0|1)\.\d+/.exec(root.openapi) : null;
		if (!version) {
			throw new OpenApiImportError(
				'OPENAPI_INVALID_DOCUMENT',
				`${JSON.stringify(root.openapi)} is not an OpenAPI 3.0 or 3.1 version (expected "openapi": "3.0.x" or "3.1.x")`,
				this.display(this.mainFile),
				'#/openapi',
			);
		}
		this.version = version[1] === '0' ? '3.0' : '3.1';
		this.root = root;
		checkShape(root, this.display(this.mainFile));
	}

	/** A file path as shown in messages: relative to the main file's directory. */
	display(file: string): string {
		return file === this.mainFile
			? relative(process.cwd(), file) || file
			: relative(this.baseDir, file);
	}

	/** Resolves a `$ref` found at `at` in `fromFile`; throws OPENAPI_BROKEN_REF when it leads nowhere. */
	resolve(ref: string, fromFile: string, at: string): RefTarget {
		const hash = ref.indexOf('#');
		const filePart = hash === -1 ? ref : ref.slice(0, hash);
		const pointer = hash === -1 ? '#' : ref.slice(hash);
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filePart)) {
			throw new OpenApiImportError(
				'OPENAPI_BROKEN_REF',
				`$ref ${JSON.stringify(ref)} points to a remote URL; only local files are read (download it beside the document)`,
				this.display(fromFile),
				at,
			);
		}
		const file = filePart === '' ? fromFile : resolve(dirname(fromFile), safeDecodeUri(filePart));
		let doc: unknown;
		try {
			doc = this.#read(file);
		} catch (error) {
			throw new OpenApiImportError(
				'OPENAPI_BROKEN_REF',
				`$ref ${JSON.stringify(ref)} cannot be followed: ${(error as Error).message}`,
				this.display(fromFile),
				at,
			);
		}
		const value = readPointer(doc, pointer);
		if (value === undefined) {
			throw new OpenApiImportError(
				'OPENAPI_BROKEN_REF',
				`$ref ${JSON.stringify(ref)} points to nothing${filePart ? ` in ${this.display(file)}` : ''}`,
				this.display(fromFile),
				at,
			);
		}
		return { file, pointer: pointer === '#' ? '#' : pointer, value };
	}

	/** Follows `$ref` chains until a value without one; returns where it ended. */
	deref(value: unknown, file: string, at: string): RefTarget {
		let target: RefTarget = { file, pointer: at, value };
		const seen = new Set<string>();
		while (isObject(target.value) && typeof target.value.$ref === 'string') {
			const id = `${target.file}${target.pointer}`;
			if (seen.has(id)) {
				throw new OpenApiImportError(
					'OPENAPI_BROKEN_REF',
					'$ref chain loops back on itself',
					this.display(file),
					at,
				);
			}
			seen.add(id);
			target = this.resolve(target.value.$ref, target.file, target.pointer);
		}
		return target;
	}

	#read(file: string): unknown {
		const failure = this.#files.failures.get(file);
		if (failure) throw failure;
		if (!this.#files.values.has(file)) {
			throw new OpenApiImportError(
				'OPENAPI_FILE_UNREADABLE',
				'the file was not read with the description',
				file,
			);
		}
		return this.#files.values.get(file);
	}
}

/** A `$ref`'s file part as a path: percent-escapes decoded when they are valid. */
function safeDecodeUri(part: string): string {
	try {
		return decodeURI(part);
	} catch {
		return part;
	}
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Checks the parts of the structure the import relies on, naming the first bad JSON path. */
function checkShape(root: JsonObject, file: string): void {
	const fail = (path: string, message: string): never => {
		throw new OpenApiImportError('OPENAPI_INVALID_DOCUMENT', message, file, path);
	};
	if (!isObject(root.info)) fail('#/info', 'an OpenAPI document needs an `info` object');
	const info = root.info as JsonObject;
	if (typeof info.title !== 'string') fail('#/info/title', '`info.title` must be a string');
	if (typeof info.version !== 'string') fail('#/info/version', '`info.version` must be a string');
	if (root.paths !== undefined && !isObject(root.paths))
		fail('#/paths', '`paths` must be an object');
	for (const [path, item] of Object.entries((root.paths as JsonObject | undefined) ?? {})) {
		const at = `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}`;
		if (!path.startsWith('/')) fail(at, `path ${JSON.stringify(path)} must start with "/"`);
		if (!isObject(item)) fail(at, 'a path item must be an object');
		for (const method of METHODS) {
			const op = (item as JsonObject)[method];
			if (op === undefined) continue;
			if (!isObject(op)) fail(`${at}/${method}`, 'an operation must be an object');
			const responses = (op as JsonObject).responses;
			if (responses !== undefined && !isObject(responses)) {
				fail(`${at}/${method}/responses`, '`responses` must be an object');
			}
			const parameters = (op as JsonObject).parameters;
			if (parameters !== undefined && !Array.isArray(parameters)) {
				fail(`${at}/${method}/parameters`, '`parameters` must be a list');
			}
		}
	}
}
