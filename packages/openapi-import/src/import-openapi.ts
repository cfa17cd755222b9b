import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { NameAllocator } from './convert/naming.ts';
import { OperationConverter, type OperationDraft } from './convert/operation-converter.ts';
import { SchemaConverter } from './convert/schema-converter.ts';
import { OpenApiImportError } from './document/import-error.ts';
import { OpenApiSource } from './document/openapi-source.ts';
import { type ModuleExtension, renderModules } from './emit/contract-files.ts';
import { dedupeDeclarations } from './emit/dedupe-declarations.ts';
import { ImportReport, type ReportEntry } from './report/import-report.ts';
import { fileState, withHeader } from './write/generated-header.ts';

/** How to run an import. */
export interface ImportOptions {
	/** The OpenAPI 3.0 / 3.1 description, JSON or YAML. */
	readonly file: string;
	/** Directory the contract files are written to. */
	readonly outDir: string;
	/** Overwrite files edited since they were generated. */
	readonly force?: boolean;
	/** Compute the files and the report without writing anything. */
	readonly dryRun?: boolean;
	/** Called as operations are converted (for a progress indicator). */
	readonly onProgress?: (done: number, total: number) => void;
	/**
	 * The modules' extension: `ts` by default; `mts` for a CommonJS package (no `"type":
	 * "module"`), where `.ts` files would load as CommonJS.
	 */
	readonly extension?: ModuleExtension;
}

/** What an import did. */
export interface ImportResult {
	/** Every generated file, relative to `outDir`, with its full text. */
	readonly files: readonly { readonly path: string; readonly text: string }[];
	/** Files written (new or changed), relative to `outDir`. */
	readonly written: readonly string[];
	/** Files left as they were because nothing changed. */
	readonly unchanged: readonly string[];
	/** Generated files of an earlier import that this one no longer writes (left in place). */
	readonly stale: readonly string[];
	readonly operations: number;
	readonly models: number;
	/** The description's `info.title`. */
	readonly title: string;
	/** Everything that could not be represented exactly, with JSON paths. */
	readonly report: readonly ReportEntry[];
}

/**
 * Imports an OpenAPI description as Charter contract files: models under `models/`, one
 * operations module per tag (or first path segment). Refuses to overwrite edited files
 * unless `force` is set; throws {@link OpenApiImportError} on bad input.
 *
 * @example
 * const result = await importOpenApi({ file: 'openapi.yaml', outDir: 'src/contracts' });
 */
export async function importOpenApi(options: ImportOptions): Promise<ImportResult> {
	const source = await OpenApiSource.open(options.file);
	const report = new ImportReport();
	const names = new NameAllocator({ shorten: true });
	const schemas = new SchemaConverter(source, report, names);
	const operations = new OperationConverter(source, schemas, report, names);
	for (const key of ['servers', 'tags', 'externalDocs'] as const) {
		if (source.root[key] !== undefined) {
			report.add(
				'dropped',
				`#/${key}`,
				`top-level \`${key}\` is not kept; set it when you serve or document the API`,
			);
		}
	}
	const listed = operations.list();
	const drafts: OperationDraft[] = [];
	listed.forEach((entry, i) => {
		const draft = operations.convert(entry);
		if (draft) drafts.push(draft);
		options.onProgress?.(i + 1, listed.length);
	});
	// Component schemas no operation uses are imported too: they are part of the vocabulary.
	const components = (source.root.components as { schemas?: Record<string, unknown> } | undefined)
		?.schemas;
	for (const name of Object.keys(components ?? {})) {
		schemas.convert(
			{ $ref: `#/components/schemas/${name.replaceAll('~', '~0').replaceAll('/', '~1')}` },
			{
				file: source.mainFile,
				pointer: '#/components/schemas',
				hint: name,
				module: 'models/unused',
			},
		);
	}
	const sourceName = basename(source.mainFile);
	const models = schemas.declarations.filter((d) => d.module.startsWith('models/')).length;
	const { decls, operations: deduplicated } = dedupeDeclarations(schemas.declarations, drafts);
	const extension = options.extension ?? 'ts';
	const files = renderModules(decls, deduplicated, extension).map((f) => ({
		path: f.path,
		text: withHeader(f.body, sourceName),
	}));
	const outDir = resolve(options.outDir);
	const written: string[] = [];
	const unchanged: string[] = [];
	const blocked: string[] = [];
	for (const file of files) {
		const target = join(outDir, file.path);
		if (!existsSync(target)) continue;
		const current = readFileSync(target, 'utf8');
		if (current === file.text) unchanged.push(file.path);
		else if (fileState(current) !== 'untouched' && !options.force) blocked.push(file.path);
	}
	if (blocked.length > 0) {
		throw new OpenApiImportError(
			'OPENAPI_EDITED_FILES',
			`${blocked.length} file(s) in ${options.outDir} were edited since they were generated (or were not generated by charter): ${blocked.slice(0, 10).join(', ')}${blocked.length > 10 ? ', ...' : ''}. Nothing was written; run again with --force to overwrite them`,
		);
	}
	if (!options.dryRun) {
		for (const file of files) {
			if (unchanged.includes(file.path)) continue;
			const target = join(outDir, file.path);
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, file.text);
			written.push(file.path);
		}
	}
	const produced = new Set(files.map((f) => f.path));
	const stale = existsSync(outDir)
		? listModules(outDir, `.${extension}`)
				.map((file) => relative(outDir, file).split(sep).join('/'))
				.filter((path) => !produced.has(path))
				.filter((path) => fileState(readFileSync(join(outDir, path), 'utf8')) !== 'foreign')
				.sort()
		: [];
	return {
		files,
		written,
		unchanged,
		stale,
		operations: drafts.length,
		models,
		title: String((source.root.info as { title?: unknown } | undefined)?.title ?? 'Imported API'),
		report: report.entries,
	};
}

function listModules(dir: string, extension: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory())
			return name === 'node_modules' ? [] : listModules(path, extension);
		return name.endsWith(extension) ? [path] : [];
	});
}
