// What the operation converter and its per-part converters share: an operation as listed, and
// the document, schema converter, report and names they work with.
import type { JsonObject, OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import type { NameAllocator } from './naming.ts';
import type { SchemaConverter } from './schema-converter.ts';

/** An operation of the document: its path, method, JSON path, path item and operation object. */
export interface OperationEntry {
	path: string;
	method: string;
	pointer: string;
	item: JsonObject;
	op: JsonObject;
}

/** The operation converter as its part converters see it (it implements this). */
export interface OperationScope {
	readonly source: OpenApiSource;
	readonly schemas: SchemaConverter;
	readonly report: ImportReport;
	readonly names: NameAllocator;
}
