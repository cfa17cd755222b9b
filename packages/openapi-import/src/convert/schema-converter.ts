import type { ScalarName } from '@charter/schema';
import { child, lastSegment } from '../document/json-pointer.ts';
import { isObject, type JsonObject, type OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import { keySegment, type NameAllocator, pascalCase } from './naming.ts';
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

interface PropertySource {
	readonly schema: unknown;
	readonly file: string;
	readonly pointer: string;
}

/** A converted schema: its type, and whether `null` is allowed too. */
export interface Converted {
	readonly expr: Expr;
	readonly nullable: boolean;
}

const STRING_FORMATS: Record<string, ScalarName> = {
	date: 'Date',
	'date-time': 'DateTime',
	time: 'Time',
	email: 'EmailAddress',
	uri: 'URL',
	url: 'URL',
	uuid: 'UUID',
};
/** Formats that carry no extra validation in Charter's String and need no report. */
const QUIET_FORMATS = new Set(['', 'int32', 'int64', 'float', 'double', 'password']);
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
const JSON_ANY: Expr = { kind: 'scalar', name: 'JSON' };

/**
 * Converts OpenAPI schemas (3.0 and 3.1 dialects) into generated type expressions. Each
 * `$ref` target becomes one named declaration; inline objects and enums become named
 * declarations in the module that uses them. What has no exact Charter form is reported.
 */
export class SchemaConverter {
	/** Declarations by `$ref` target (`file#pointer`). */
	readonly #byTarget = new Map<string, Decl>();
	/** Targets being converted, to break recursive references. */
	readonly #inProgress = new Set<string>();
	readonly declarations: Decl[] = [];

	constructor(
		private readonly source: OpenApiSource,
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
		if (Array.isArray(schema.allOf)) return { expr: this.#allOf(schema, site), nullable };
		const alternatives = Array.isArray(schema.oneOf)
			? 'oneOf'
			: Array.isArray(schema.anyOf)
				? 'anyOf'
				: undefined;
		if (alternatives) return this.#union(schema, alternatives, site, nullable);
		if (schema.const !== undefined) return literalOf(schema.const, site, this, nullable);
		if (Array.isArray(schema.enum)) return this.#enum(schema, site, nullable);
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
				return { expr: this.#string(schema, site), nullable };
			case 'integer':
			case 'number':
				return { expr: this.#number(schema, type), nullable };
			case 'boolean':
				return { expr: { kind: 'scalar', name: 'Boolean' }, nullable };
			case 'null':
				return { expr: { kind: 'literal', value: null }, nullable: false };
			case 'array':
				return { expr: this.#array(schema, site), nullable };
			case 'object':
				return { expr: this.#object(schema, site), nullable };
			default:
				if (schema.properties !== undefined || schema.additionalProperties !== undefined) {
					return { expr: this.#object(schema, site), nullable };
				}
				if (schema.items !== undefined) return { expr: this.#array(schema, site), nullable };
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

	/** Gives the declaration a `$ref` target maps to, converting it on first use. */
	#ref(ref: string, site: SchemaSite): Converted {
		const target = this.source.resolve(ref, site.file, site.pointer);
		const id = `${target.file}${target.pointer}`;
		if (this.#inProgress.has(id)) {
			this.note(
				'fallback',
				site,
				`recursive reference to ${ref}: Charter types cannot refer to themselves, so this value is typed as any JSON`,
			);
			return { expr: JSON_ANY, nullable: false };
		}
		const existing = this.#byTarget.get(id);
		const nullable =
			isObject(target.value) && (target.value.nullable === true || isNullable(target.value));
		if (existing) return { expr: { kind: 'ref', decl: existing }, nullable };
		const raw =
			lastSegment(target.pointer) || target.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
		const name = this.names.claim(pascalCase(raw));
		if (name !== raw) {
			this.report.add(
				'renamed',
				target.pointer,
				`schema ${JSON.stringify(raw)} is named ${name} (not a valid or free identifier)`,
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
		this.#inProgress.add(id);
		try {
			const decl = this.#declare(target.value, targetSite, name);
			this.#byTarget.set(id, decl);
			return { expr: { kind: 'ref', decl }, nullable };
		} finally {
			this.#inProgress.delete(id);
		}
	}

	/** Converts a component into a declaration with exactly this name. */
	#declare(schema: unknown, site: SchemaSite, name: string): Decl {
		const { expr } = this.convert(schema, { ...site, hint: name });
		// An inline model or enum created for this site already carries the name: reuse it.
		if (expr.kind === 'ref' && expr.decl.name === name) return expr.decl;
		const decl: Decl = {
			kind: 'alias',
			name,
			module: site.module,
			expr,
			...descriptionOf(schema),
		};
		this.declarations.push(decl);
		return decl;
	}

	#newDecl<D extends Decl>(decl: D): D {
		this.declarations.push(decl);
		return decl;
	}

	#string(schema: JsonObject, site: SchemaSite): Expr {
		const format = typeof schema.format === 'string' ? schema.format : '';
		const name = STRING_FORMATS[format] ?? 'String';
		if (name === 'String' && !QUIET_FORMATS.has(format)) {
			this.note(
				'dropped',
				site,
				`string format "${format}" is not checked by Charter (plain string)`,
			);
		}
		return scalar(name, pick(schema, ['minLength', 'maxLength', 'pattern']));
	}

	#number(schema: JsonObject, type: 'integer' | 'number'): Expr {
		const constraints = pick(schema, ['minimum', 'maximum', 'multipleOf']);
		// OpenAPI 3.0 writes exclusive bounds as booleans beside minimum / maximum.
		for (const [flag, bound] of [
			['exclusiveMinimum', 'minimum'],
			['exclusiveMaximum', 'maximum'],
		] as const) {
			const value = schema[flag];
			if (typeof value === 'number') constraints[flag] = value;
			else if (value === true && typeof schema[bound] === 'number') {
				constraints[flag] = schema[bound] as number;
				delete constraints[bound];
			}
		}
		return scalar(type === 'integer' ? 'Int' : 'Float', constraints);
	}

	#array(schema: JsonObject, site: SchemaSite): Expr {
		const items =
			schema.items === undefined || Array.isArray(schema.items)
				? { expr: JSON_ANY, nullable: false }
				: this.convert(schema.items, {
						...site,
						pointer: child(site.pointer, 'items'),
						hint: `${site.hint}Item`,
					});
		return {
			kind: 'array',
			items: withNull(items),
			...(typeof schema.minItems === 'number' ? { minItems: schema.minItems } : {}),
			...(typeof schema.maxItems === 'number' ? { maxItems: schema.maxItems } : {}),
		};
	}

	#object(schema: JsonObject, site: SchemaSite): Expr {
		const properties = isObject(schema.properties) ? schema.properties : undefined;
		const extra = schema.additionalProperties;
		if (!properties || Object.keys(properties).length === 0) {
			if (isObject(extra)) {
				const values = this.convert(extra, {
					...site,
					pointer: child(site.pointer, 'additionalProperties'),
					hint: `${site.hint}Value`,
				});
				return { kind: 'record', values: withNull(values) };
			}
			if (extra === false) return { kind: 'ref', decl: this.#model(site, {}, schema) };
			return { kind: 'scalar', name: 'JSONObject' };
		}
		if (extra !== undefined && extra !== false) {
			this.note(
				'normalized',
				site,
				'`additionalProperties` beside `properties`: Charter models are closed, extra keys are not described',
			);
		}
		const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
		const fields: Record<string, FieldExpr> = {};
		for (const [prop, value] of Object.entries(properties)) {
			if (this.#unsafe(prop, { file: site.file, pointer: child(site.pointer, 'properties', prop) }))
				continue;
			fields[prop] = this.field(
				value,
				{
					...site,
					pointer: child(site.pointer, 'properties', prop),
					hint: `${site.hint}${pascalCase(prop)}`,
				},
				required.has(prop),
			);
		}
		return { kind: 'ref', decl: this.#model(site, fields, schema) };
	}

	#model(site: SchemaSite, fields: Record<string, FieldExpr>, schema: JsonObject): Decl {
		return this.#newDecl({
			kind: 'model',
			name: this.#inlineName(site, schema),
			module: site.module,
			fields,
			...descriptionOf(schema),
		});
	}

	/** The component's own (already claimed) name for its top-level type, else a fresh one. */
	#inlineName(site: SchemaSite, schema?: JsonObject): string {
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

	#enum(schema: JsonObject, site: SchemaSite, nullable: boolean): Converted {
		const all = schema.enum as unknown[];
		const values = all.filter((v) => v !== null);
		const hasNull = values.length < all.length;
		const strings =
			values.length > 0 &&
			values.every((v) => typeof v === 'string' && v.length > 0) &&
			new Set(values).size === values.length;
		if (!strings) {
			const literals = values.map((value) => literalOf(value, site, this, false).expr);
			const expr: Expr =
				literals.length === 1
					? literals[0]!
					: literals.length === 0
						? JSON_ANY
						: { kind: 'union', variants: literals };
			return { expr, nullable: nullable || hasNull };
		}
		const decl = this.#newDecl({
			kind: 'enum',
			name: this.#inlineName(site),
			module: site.module,
			values: values as string[],
			...descriptionOf(schema),
		});
		return { expr: { kind: 'ref', decl }, nullable: nullable || hasNull };
	}

	#allOf(schema: JsonObject, site: SchemaSite): Expr {
		const members = schema.allOf as unknown[];
		if (members.length === 1 && schema.properties === undefined) {
			return this.convert(members[0], { ...site, pointer: child(site.pointer, 'allOf', 0) }).expr;
		}
		// Merge every member's properties into one closed model (inheritance is flattened).
		const props = new Map<string, PropertySource>();
		const required = new Set<string>();
		this.#collect(schema, site.file, site.pointer, props, required, site, 0);
		this.note('normalized', site, 'allOf is flattened into one model');
		const fields: Record<string, FieldExpr> = {};
		for (const [prop, from] of props) {
			if (this.#unsafe(prop, from)) continue;
			fields[prop] = this.field(
				from.schema,
				{
					...site,
					file: from.file,
					pointer: from.pointer,
					hint: `${site.hint}${pascalCase(prop)}`,
				},
				required.has(prop),
			);
		}
		return { kind: 'ref', decl: this.#model(site, fields, schema) };
	}

	#collect(
		schema: JsonObject,
		file: string,
		pointer: string,
		props: Map<string, PropertySource>,
		required: Set<string>,
		site: SchemaSite,
		depth: number,
	): void {
		if (depth > 32) {
			this.note('fallback', { file, pointer }, 'allOf nests too deep; the rest is left out');
			return;
		}
		if (isObject(schema.properties)) {
			for (const [prop, value] of Object.entries(schema.properties)) {
				props.set(prop, { schema: value, file, pointer: child(pointer, 'properties', prop) });
			}
		}
		if (Array.isArray(schema.required)) for (const r of schema.required) required.add(String(r));
		if (!Array.isArray(schema.allOf)) return;
		schema.allOf.forEach((member, i) => {
			const target = this.source.deref(member, file, child(pointer, 'allOf', i));
			const value = target.value;
			if (!isObject(value)) return;
			const isObjectLike =
				isObject(value.properties) || value.type === 'object' || Array.isArray(value.allOf);
			if (!isObjectLike) {
				this.note(
					'fallback',
					{ file: target.file, pointer: target.pointer },
					'allOf member is not an object; it is left out of the merged model',
				);
				return;
			}
			this.#collect(value, target.file, target.pointer, props, required, site, depth + 1);
		});
	}

	#union(
		schema: JsonObject,
		keyword: 'oneOf' | 'anyOf',
		site: SchemaSite,
		nullable: boolean,
	): Converted {
		const list = schema[keyword] as unknown[];
		let isNull = nullable;
		const variants: Expr[] = [];
		list.forEach((member, i) => {
			if (isObject(member) && member.type === 'null') {
				isNull = true;
				return;
			}
			const converted = this.convert(member, {
				...site,
				pointer: child(site.pointer, keyword, i),
				hint: `${site.hint}${i + 1}`,
			});
			if (converted.nullable) isNull = true;
			variants.push(converted.expr);
		});
		if (schema.discriminator !== undefined) {
			this.note(
				'dropped',
				site,
				'`discriminator` is not kept: variants are told apart by their shape',
			);
		}
		if (keyword === 'oneOf' && variants.length > 1) {
			this.note('normalized', site, 'oneOf becomes a union (anyOf): exclusivity is not checked');
		}
		if (variants.length === 0) return { expr: { kind: 'literal', value: null }, nullable: false };
		if (variants.length === 1) return { expr: variants[0]!, nullable: isNull };
		return { expr: { kind: 'union', variants }, nullable: isNull };
	}

	/** Skips (and reports) a property name that would turn into an object's prototype. */
	#unsafe(name: string, site: Pick<SchemaSite, 'file' | 'pointer'>): boolean {
		if (name !== '__proto__') return false;
		this.note(
			'skipped',
			site,
			'a property named __proto__ cannot be a field (and Charter refuses it in input)',
		);
		return true;
	}

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

function scalar(name: ScalarName, constraints: Record<string, number | string>): Expr {
	return Object.keys(constraints).length > 0
		? { kind: 'scalar', name, constraints }
		: { kind: 'scalar', name };
}

function pick(schema: JsonObject, keys: readonly string[]): Record<string, number | string> {
	const out: Record<string, number | string> = {};
	for (const key of keys) {
		const value = schema[key];
		if (typeof value === 'number' || typeof value === 'string') out[key] = value;
	}
	return out;
}

/** The type, or a union with null when the schema allows null. */
export function withNull(converted: Converted): Expr {
	return converted.nullable
		? { kind: 'union', variants: [converted.expr, { kind: 'literal', value: null }] }
		: converted.expr;
}

function literalOf(
	value: unknown,
	site: SchemaSite,
	converter: SchemaConverter,
	nullable: boolean,
): Converted {
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
		return {
			expr: { kind: 'literal', value: value as string | number | boolean | null },
			nullable,
		};
	}
	converter.note(
		'fallback',
		site,
		`constant ${JSON.stringify(value)} is not a scalar; typed as any JSON`,
	);
	return { expr: JSON_ANY, nullable };
}

function descriptionOf(schema: unknown): { description?: string } {
	return isObject(schema) && typeof schema.description === 'string' && schema.description.trim()
		? { description: schema.description }
		: {};
}

/** Description, default, deprecation and examples of a schema, as field annotations. */
export function annotations(schema: JsonObject): Partial<FieldExpr> {
	const examples = Array.isArray(schema.examples)
		? schema.examples
		: schema.example !== undefined
			? [schema.example]
			: undefined;
	return {
		...descriptionOf(schema),
		...(schema.default !== undefined ? { default: schema.default } : {}),
		...(schema.deprecated === true ? { deprecated: true } : {}),
		...(examples && examples.length > 0 ? { examples } : {}),
	};
}
