// What the schema converter and its per-keyword converters share: where a schema sits, what it
// converts to, and the converter calls a keyword converter may make.
import type { JsonObject, OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

/** Where a schema sits: its file and JSON path, a name for inline types, the module that owns them. */
export interface SchemaSite {
	readonly file: string;
	readonly pointer: string;
	/** Name given to an inline model or enum found here. */
	readonly hint: string;
	/** Module inline declarations go to. */
	readonly module: string;
	/** The claimed name of the component being converted, if any. */
	readonly ownName?: string;
}

/** A converted schema: its type, and whether `null` is allowed too. */
export interface Converted {
	readonly expr: Expr;
	readonly nullable: boolean;
}

/** The schema converter as its keyword converters see it (it implements this). */
export interface SchemaScope {
	readonly source: OpenApiSource;
	convert(schema: unknown, site: SchemaSite): Converted;
	field(schema: unknown, site: SchemaSite, required: boolean): FieldExpr;
	newDecl<D extends Decl>(decl: D): D;
	inlineName(site: SchemaSite, schema?: JsonObject): string;
	note(
		category: Parameters<ImportReport['add']>[0],
		site: Pick<SchemaSite, 'file' | 'pointer'>,
		message: string,
	): void;
}

export const JSON_ANY: Expr = { kind: 'scalar', name: 'JSON' };

/** The type, or a union with null when the schema allows null. */
export function withNull(converted: Converted): Expr {
	return converted.nullable
		? { kind: 'union', variants: [converted.expr, { kind: 'literal', value: null }] }
		: converted.expr;
}
