// What the operation converter and its per-part converters share: an operation as listed, and
// the document, schema converter, report and names they work with.
import type { JsonObject, OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import type { NameAllocator } from './naming.ts';
import type { SchemaConverter } from './schema-converter.ts';

/** Where a JSON value lives: the file holding it and its JSON pointer in that file. */
export interface Location {
	readonly file: string;
	readonly at: string;
}

/**
 * An operation of the document: its path, method, JSON path in the main document (what reports
 * name), path item and operation object, and where each really lives (another file, when a
 * `$ref` led there: refs inside it resolve from that file).
 */
export interface OperationEntry {
	path: string;
	method: string;
	pointer: string;
	item: JsonObject;
	op: JsonObject;
	readonly itemAt: Location;
	readonly opAt: Location;
	/** Its tag (or first path segment), and the operations module it is written to. */
	group: string;
	module: string;
}

/** The operation converter as its part converters see it (it implements this). */
export interface OperationScope {
	readonly source: OpenApiSource;
	readonly schemas: SchemaConverter;
	readonly report: ImportReport;
	readonly names: NameAllocator;
}
