// The schema converter: dispatches a schema to its keyword's converter, turns `$ref` targets into
// named declarations and names the inline ones.
import { lastSegment } from '../document/json-pointer.ts';
import { isObject, type JsonObject, type OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import {
	keySegment,
	MAX_NAME,
	type NameAllocator,
	pascalCase,
	shortName,
	words,
} from './naming.ts';
import { annotations, descriptionOf } from './schema-annotations.ts';
import { convertAllOf, convertUnion } from './schema-composition.ts';
import { convertEnum, literalOf } from './schema-enums.ts';
import { convertArray, convertObject } from './schema-objects.ts';
import { convertNumber, convertString } from './schema-scalars.ts';
import { type Converted, JSON_ANY, type SchemaScope, type SchemaSite } from './schema-scope.ts';
import type { Decl, FieldExpr, RecursiveExpr } from './type-expr.ts';

/** Keywords Charter has no place for: the type is kept, the keyword is reported. */
const DROPPED = [
	'not',
	'if',
	'then',
	'else',
	'patternProperties',
	'propertyNames',
	'dependentSchemas',
	'dependentRequired',
	'unevaluatedProperties',
	'unevaluatedItems',
	'contains',
	'minProperties',
	'maxProperties',
	'uniqueItems',
	'prefixItems',
	'readOnly',
	'writeOnly',
];

/**
 * Converts OpenAPI schemas (3.0 and 3.1 dialects) into generated type expressions. Each
 * `$ref` target becomes one named declaration; inline objects and enums become named
 * declarations in the module that uses them. What has no exact Charter form is reported.
 */
export class SchemaConverter implements SchemaScope {
	/** Declarations by `$ref` target (`file#pointer`). */
	readonly #byTarget = new Map<string, Decl>();
	/** Targets being converted, in order (by id): see {@link InProgress}. */
	readonly #inProgress = new Map<string, InProgress>();
	readonly declarations: Decl[] = [];

	constructor(
		readonly source: OpenApiSource,
		private readonly report: ImportReport,
		private readonly names: NameAllocator,
	) {}

	/** Converts a schema at a site. */
	convert(schema: unknown, site: SchemaSite): Converted {
		if (!isObject(schema)) {
			if (schema === true || schema === undefined) return { expr: JSON_ANY, nullable: false };
			this.note('fallback', site, `${JSON.stringify(schema)} is not a schema; typed as any JSON`);
			return { expr: JSON_ANY, nullable: false };
		}
		if (typeof schema.$ref === 'string') return this.#ref(schema.$ref, site);
		for (const keyword of DROPPED) {
			if (schema[keyword] !== undefined && schema[keyword] !== false) {
				this.note('dropped', site, `\`${keyword}\` has no Charter form and is not enforced`);
			}
		}
		const nullable = schema.nullable === true || isNullable(schema);
		if (Array.isArray(schema.allOf)) {
			const converted = convertAllOf(this, schema, site);
			return { expr: converted.expr, nullable: nullable || converted.nullable };
		}
		const alternatives = Array.isArray(schema.oneOf)
			? 'oneOf'
			: Array.isArray(schema.anyOf)
				? 'anyOf'
				: undefined;
		if (alternatives) return convertUnion(this, schema, alternatives, site, nullable);
		if (schema.const !== undefined) return literalOf(schema.const, site, this, nullable);
		if (Array.isArray(schema.enum)) return convertEnum(this, schema, site, nullable);
		const types = typesOf(schema);
		if (types.length > 1) {
			const variants = types.map(
				(type) =>
					this.convert({ ...schema, type }, { ...site, hint: `${site.hint}${pascalCase(type)}` })
						.expr,
			);
			return { expr: { kind: 'union', variants }, nullable };
		}
		const type = types[0];
		switch (type) {
			case 'string':
				return { expr: convertString(this, schema, site), nullable };
			case 'integer':
			case 'number':
				return { expr: convertNumber(schema, type), nullable };
			case 'boolean':
				return { expr: { kind: 'scalar', name: 'Boolean' }, nullable };
			case 'null':
				return { expr: { kind: 'literal', value: null }, nullable: false };
			case 'array':
				return { expr: convertArray(this, schema, site), nullable };
			case 'object':
				return { expr: convertObject(this, schema, site), nullable };
			default:
				if (schema.properties !== undefined || schema.additionalProperties !== undefined) {
					return { expr: convertObject(this, schema, site), nullable };
				}
				if (schema.items !== undefined) return { expr: convertArray(this, schema, site), nullable };
				return { expr: JSON_ANY, nullable };
		}
	}

	/** Converts a schema as a model field: type, optionality and its annotations. */
	field(schema: unknown, site: SchemaSite, required: boolean): FieldExpr {
		const { expr, nullable } = this.convert(schema, site);
		const raw = isObject(schema) ? schema : {};
		// A plain list of a type becomes `isArray`, the form query parameters understand.
		const list =
			expr.kind === 'array' && expr.minItems === undefined && expr.maxItems === undefined
				? expr.items
				: undefined;
		return {
			type: list ?? expr,
			isOptional: !required,
			...(list ? { isArray: true } : {}),
			...(nullable ? { isNullable: true } : {}),
			...annotations(raw),
		};
	}

	/**
	 * Gives the declaration a `$ref` target maps to, converting it on first use. A reference
	 * inside a reference cycle (to a component still being converted, or to one that reaches
	 * back to such a component) is a lazy `recursiveRef`, so the generated modules of a cycle
	 * load in any order and the types recurse for real; other references are plain.
	 */
	#ref(ref: string, site: SchemaSite): Converted {
		const target = this.source.resolve(ref, site.file, site.pointer);
		const id = `${target.file}${target.pointer}`;
		const cycle = this.#inProgress.get(id);
		if (cycle) {
			this.#reachesBack(cycle.depth);
			const back = this.#recursive(cycle.name, cycle.module);
			cycle.back.push(back);
			this.#noteCycle(site, ref, cycle.name);
			return { expr: back, nullable: false };
		}
		const existing = this.#byTarget.get(id);
		if (existing) {
			const nullable = this.#nullable.has(id);
			const low = this.#cycleLow.get(id);
			const open = low === undefined ? undefined : this.#inProgress.get(low);
			if (open) {
				// Part of a cycle still being converted: this reference is inside it too.
				this.#reachesBack(open.depth);
				this.#noteCycle(site, ref, existing.name);
				return { expr: this.#recursive(existing.name, existing.module, existing), nullable };
			}
			return { expr: { kind: 'ref', decl: existing }, nullable };
		}
		// A whole file (`./pet.yaml`) is named by its title, else by the file's name.
		const title =
			isObject(target.value) && typeof target.value.title === 'string' ? target.value.title : '';
		const raw =
			target.pointer === '#'
				? title || target.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
				: lastSegment(target.pointer);
		const name = this.names.claim(pascalCase(raw));
		// Re-casing alone (`simple-user` -> `SimpleUser`) is the naming rule, not a rename.
		if (name !== raw && !isRecasing(raw, name)) {
			this.report.add(
				'renamed',
				target.pointer,
				`schema ${JSON.stringify(raw)} is named ${name} (${renameReason(raw, name)})`,
				target.file === this.source.mainFile ? undefined : this.source.display(target.file),
			);
		}
		const module = `models/${keySegment(name)}.schema`;
		const targetSite: SchemaSite = {
			file: target.file,
			pointer: target.pointer,
			hint: name,
			module,
			ownName: name,
		};
		const depth = this.#inProgress.size;
		const converting: InProgress = { id, name, module, depth, low: depth, back: [] };
		this.#inProgress.set(id, converting);
		let decl: Decl;
		let nullable: boolean;
		try {
			({ decl, nullable } = this.#declare(target.value, targetSite, name));
		} finally {
			this.#inProgress.delete(id);
		}
		this.#byTarget.set(id, decl);
		for (const back of converting.back) back.target.decl = decl;
		if (converting.back.length > 0 && !isNamedDecl(decl)) {
			// Only a named type can be referred back to: the references become any JSON.
			for (const back of converting.back) back.target.named = false;
			this.note(
				'fallback',
				{ file: target.file, pointer: target.pointer },
				`${name} refers to itself but is not an object, enum or union: the references back to it are typed as any JSON`,
			);
		}
		// Null stays with every use of the component (`anyOf: [X, {type: 'null'}]`,
		// `nullable: true`, `type: [.., 'null']`): the declaration itself is the non-null type.
		if (nullable) this.#nullable.add(id);
		if (converting.low < depth) {
			// It reaches back to a component still being converted: in that cycle, so the
			// reference to it is lazy, and so is every later one while the cycle is open.
			const low = [...this.#inProgress.values()].find((p) => p.depth === converting.low)!;
			this.#cycleLow.set(id, low.id);
			this.#reachesBack(converting.low);
			this.#noteCycle(site, ref, name);
			return { expr: this.#recursive(name, module, decl), nullable };
		}
		return { expr: { kind: 'ref', decl }, nullable };
	}

	/** Components that reach back to one still being converted then (by id): that one's id. */
	readonly #cycleLow = new Map<string, string>();

	/** Records that the component being converted now reaches back to the one at `depth`. */
	#reachesBack(depth: number): void {
		const top = [...this.#inProgress.values()].at(-1);
		if (top && depth < top.low) top.low = depth;
	}

	#recursive(name: string, module: string, decl?: Decl): RecursiveExpr {
		return {
			kind: 'recursive',
			name,
			module,
			target: { named: decl === undefined || isNamedDecl(decl), ...(decl ? { decl } : {}) },
		};
	}

	#noteCycle(site: SchemaSite, ref: string, name: string): void {
		this.note(
			'normalized',
			site,
			`reference cycle through ${ref}: written as recursiveRef(${name}): schemas, validators, OpenAPI and GraphQL recurse through it`,
		);
	}

	/** Targets whose schema allows null. */
	readonly #nullable = new Set<string>();

	/** Converts a component into a declaration with exactly this name, and tells whether it allows null. */
	#declare(schema: unknown, site: SchemaSite, name: string): { decl: Decl; nullable: boolean } {
		const { expr, nullable } = this.convert(schema, { ...site, hint: name });
		// An inline model or enum created for this site already carries the name: reuse it.
		if (expr.kind === 'ref' && expr.decl.name === name) return { decl: expr.decl, nullable };
		const decl: Decl = {
			kind: 'alias',
			name,
			module: site.module,
			expr,
			...descriptionOf(schema),
		};
		this.declarations.push(decl);
		return { decl, nullable };
	}

	/** Records an inline declaration made by a keyword converter. */
	newDecl<D extends Decl>(decl: D): D {
		this.declarations.push(decl);
		return decl;
	}

	/** The component's own (already claimed) name for its top-level type, else a fresh one. */
	inlineName(site: SchemaSite, schema?: JsonObject): string {
		if (
			site.ownName !== undefined &&
			site.hint === site.ownName &&
			!this.#ownUsed.has(site.ownName)
		) {
			this.#ownUsed.add(site.ownName);
			return site.ownName;
		}
		// An inline schema's own title names it better than its position does.
		const title = typeof schema?.title === 'string' ? pascalCase(schema.title) : '';
		return this.names.claim(title && title !== 'Unnamed' ? title : site.hint);
	}

	readonly #ownUsed = new Set<string>();

	/** Records a report entry at a site. */
	note(
		category: Parameters<ImportReport['add']>[0],
		site: Pick<SchemaSite, 'file' | 'pointer'>,
		message: string,
	): void {
		this.report.add(
			category,
			site.pointer,
			message,
			site.file === this.source.mainFile ? undefined : this.source.display(site.file),
		);
	}
}

/** Tells whether a name differs from another only by case and word separators. */
function isRecasing(raw: string, name: string): boolean {
	return words(raw).join('') === name.toLowerCase();
}

function renameReason(raw: string, name: string): string {
	const recased = pascalCase(raw);
	if (shortName(recased) !== recased && name.startsWith(shortName(recased))) {
		return `${recased} is longer than ${MAX_NAME} characters: its middle words are left out`;
	}
	if (name !== recased) return `${recased} is taken or shadows a JavaScript global`;
	return 'characters an identifier cannot hold are left out';
}

function isNullable(schema: JsonObject): boolean {
	return Array.isArray(schema.type) && schema.type.includes('null');
}

function typesOf(schema: JsonObject): string[] {
	if (typeof schema.type === 'string') return [schema.type];
	if (Array.isArray(schema.type)) {
		const types = (schema.type as unknown[]).filter(
			(t): t is string => typeof t === 'string' && t !== 'null',
		);
		return types.length === 0 && schema.type.includes('null') ? ['null'] : types;
	}
	return [];
}

/** A declaration the IR names (what a recursive reference can point at). */
function isNamedDecl(decl: Decl): boolean {
	return decl.kind !== 'alias' || decl.expr.kind === 'union';
}

/**
 * A component being converted: its name and module, its depth in the chain of components
 * being converted, the lowest depth its conversion reached back to (a cycle when below its
 * own), and the references back to it made so far.
 */
interface InProgress {
	readonly id: string;
	readonly name: string;
	readonly module: string;
	readonly depth: number;
	low: number;
	readonly back: RecursiveExpr[];
}
