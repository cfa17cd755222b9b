import { posix } from 'node:path';
import type { OperationDraft } from '../convert/operation-converter.ts';
import type { Decl, Expr, FieldExpr } from '../convert/type-expr.ts';
import { arr, call, type Doc, obj, print, quote, raw, value } from './code-doc.ts';
import { childExprs, declRefs, forEachRef } from './decl-graph.ts';

/** One generated file: its path relative to the output directory and its body (no header). */
export interface GeneratedFile {
	readonly path: string;
	readonly body: string;
}

/** The extension of the generated modules: `mts` in a CommonJS package, `ts` otherwise. */
export type ModuleExtension = 'ts' | 'mts';

interface Module {
	readonly decls: Decl[];
	readonly operations: OperationDraft[];
}

/**
 * Writes declarations and operations as TypeScript modules, one per model and one per group,
 * ending in `extension` (`mts` in a CommonJS package, so they load as ES modules there).
 */
export function renderModules(
	decls: readonly Decl[],
	operations: readonly OperationDraft[],
	extension: ModuleExtension = 'ts',
): GeneratedFile[] {
	const modules = new Map<string, Module>();
	const moduleOf = (id: string) => {
		let m = modules.get(id);
		if (!m) {
			m = { decls: [], operations: [] };
			modules.set(id, m);
		}
		return m;
	};
	const used = reachable(decls, operations);
	for (const decl of decls) if (used.has(decl)) moduleOf(decl.module).decls.push(decl);
	for (const op of operations) moduleOf(op.module).operations.push(op);
	return [...modules.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([id, module]) => ({
			path: `${id}.${extension}`,
			body: renderModule(id, module, extension),
		}));
}

/** Declarations some operation uses, directly or through other declarations. */
function reachable(decls: readonly Decl[], operations: readonly OperationDraft[]): Set<Decl> {
	const seen = new Set<Decl>();
	const visit = (expr: Expr | undefined): void => {
		if (!expr) return;
		forEachRef(expr, (decl) => {
			if (seen.has(decl)) return;
			seen.add(decl);
			for (const child of childExprs(decl)) visit(child);
		});
	};
	for (const op of operations) {
		visit(op.input);
		visit(op.output);
		for (const e of op.errors) visit(e.data);
	}
	// Component schemas nothing uses are still written: they are part of the API's vocabulary.
	for (const decl of decls) {
		if (decl.module.startsWith('models/') && !seen.has(decl)) {
			seen.add(decl);
			for (const child of childExprs(decl)) visit(child);
		}
	}
	return seen;
}

function renderModule(id: string, module: Module, extension: ModuleExtension): string {
	const schemaImports = new Set<string>();
	const localImports = new Map<string, Set<string>>();
	const note = (expr: Expr) => collectImports(expr, id, schemaImports, localImports, extension);
	for (const decl of module.decls) {
		if (decl.kind === 'model') schemaImports.add('defineSchemaModel');
		if (decl.kind === 'enum') schemaImports.add('defineEnum');
		if (decl.kind === 'alias' && decl.expr.kind === 'union') schemaImports.add('defineUnion');
		for (const child of childExprs(decl)) note(child);
	}
	const specImports = new Set<string>();
	for (const op of module.operations) {
		specImports.add(op.kind === 'command' ? 'defineCommand' : 'defineQuery');
		note(op.input);
		note(op.output);
		for (const e of op.errors) if (e.data) note(e.data);
	}
	const lines: string[] = [];
	if (schemaImports.size > 0) lines.push(importLine([...schemaImports], '@charter/schema'));
	if (specImports.size > 0) lines.push(importLine([...specImports], '@charter/spec'));
	for (const [from, names] of [...localImports.entries()].sort(([a], [b]) =>
		compareImports(a, b),
	)) {
		lines.push(importLine([...names], from));
	}
	const blocks: string[] = [lines.join('\n')];
	for (const decl of ordered(module.decls)) blocks.push(renderDecl(decl));
	for (const op of module.operations) blocks.push(renderOperation(op));
	return `${blocks.join('\n\n')}\n`;
}

function importLine(names: string[], from: string): string {
	// Sorted by name, a `type ` modifier aside, as Biome sorts them.
	const key = (name: string) => name.replace(/^type /, '');
	const sorted = names.sort(
		(a, b) =>
			key(a).localeCompare(key(b), 'en', { sensitivity: 'base' }) || (key(a) < key(b) ? -1 : 1),
	);
	const flatLine = `import { ${sorted.join(', ')} } from '${from}';`;
	if (flatLine.length <= 100 || sorted.length === 1) return flatLine;
	return `import {\n${sorted.map((n) => `\t${n},`).join('\n')}\n} from '${from}';`;
}

/** Notes that module `id` imports `name` from the generated module `module`. */
function importFrom(
	module: string,
	name: string,
	id: string,
	local: Map<string, Set<string>>,
	extension: ModuleExtension,
): void {
	if (module === id) return;
	let rel = posix.relative(posix.dirname(id), module);
	if (!rel.startsWith('.')) rel = `./${rel}`;
	const from = `${rel}.${extension}`;
	local.set(from, (local.get(from) ?? new Set()).add(name));
}

function collectImports(
	expr: Expr,
	id: string,
	schema: Set<string>,
	local: Map<string, Set<string>>,
	extension: ModuleExtension,
): void {
	switch (expr.kind) {
		case 'scalar':
			schema.add('ScalarTypeEnum');
			return;
		case 'literal':
			schema.add('literal');
			return;
		case 'array':
			schema.add('listOf');
			collectImports(expr.items, id, schema, local, extension);
			return;
		case 'record':
			schema.add('recordOf');
			collectImports(expr.values, id, schema, local, extension);
			return;
		case 'union':
			schema.add('defineUnion');
			for (const v of expr.variants) collectImports(v, id, schema, local, extension);
			return;
		case 'ref':
			importFrom(expr.decl.module, expr.decl.name, id, local, extension);
			return;
		case 'recursive':
			if (!expr.target.named) {
				schema.add('ScalarTypeEnum');
				return;
			}
			schema.add('recursiveRef');
			schema.add('type TypeNode');
			importFrom(expr.module, expr.name, id, local, extension);
			return;
	}
}

/** Orders a module's declarations so each comes after the ones it uses. */
function ordered(decls: readonly Decl[]): Decl[] {
	const here = new Set(decls);
	const out: Decl[] = [];
	const done = new Set<Decl>();
	const visit = (decl: Decl) => {
		if (done.has(decl)) return;
		done.add(decl);
		for (const dep of declRefs(decl)) if (here.has(dep)) visit(dep);
		out.push(decl);
	};
	for (const decl of decls) visit(decl);
	return out;
}

function typeDoc(expr: Expr): Doc {
	switch (expr.kind) {
		case 'scalar':
			return expr.constraints
				? call(`ScalarTypeEnum.${expr.name}`, value(expr.constraints))
				: call(`ScalarTypeEnum.${expr.name}`);
		case 'ref':
			return raw(expr.decl.name);
		case 'recursive':
			// The target's type is annotated, so the type checker need not infer the type being
			// defined from its own initializer.
			return expr.target.named
				? call('recursiveRef', value(expr.name), raw(`(): TypeNode => ${expr.name}`))
				: call('ScalarTypeEnum.JSON');
		case 'array': {
			const bounds = {
				...(expr.minItems !== undefined ? { minItems: expr.minItems } : {}),
				...(expr.maxItems !== undefined ? { maxItems: expr.maxItems } : {}),
			};
			return Object.keys(bounds).length > 0
				? call('listOf', typeDoc(expr.items), value(bounds))
				: call('listOf', typeDoc(expr.items));
		}
		case 'record':
			return call('recordOf', typeDoc(expr.values));
		case 'literal':
			return call('literal', value(expr.value));
		case 'union': {
			const entries: [string, Doc][] = [];
			if (expr.discriminator) entries.push(['discriminator', value(expr.discriminator)]);
			entries.push(['variants', arr(expr.variants.map(typeDoc))]);
			return call('defineUnion', obj(entries));
		}
	}
}

function fieldDoc(field: FieldExpr): Doc {
	const entries: [string, Doc][] = [
		['type', typeDoc(field.type)],
		['isOptional', raw(String(field.isOptional))],
	];
	if (field.isArray) entries.push(['isArray', raw('true')]);
	if (field.isNullable) entries.push(['isNullable', raw('true')]);
	if (field.description) entries.push(['description', value(field.description)]);
	if (field.default !== undefined) entries.push(['default', value(field.default)]);
	if (field.deprecated) entries.push(['deprecated', raw('true')]);
	if (field.examples) entries.push(['examples', value(field.examples)]);
	return obj(entries);
}

function statement(name: string, doc: Doc): string {
	const head = `export const ${name} = `;
	const opener = doc.kind === 'call' ? `${doc.callee}(`.length + 1 : 0;
	// Biome moves the value to its own line when even its first line would not fit.
	if (head.length + opener - 1 > 100) return `export const ${name} =\n\t${print(doc, 1, 2, ';')};`;
	return `${head}${print(doc, 0, head.length, ';')};`;
}

function renderDecl(decl: Decl): string {
	switch (decl.kind) {
		case 'model': {
			const entries: [string, Doc][] = [['name', value(decl.name)]];
			if (decl.description) entries.push(['description', value(decl.description)]);
			entries.push([
				'fields',
				obj(Object.entries(decl.fields).map(([name, f]) => [propertyKeyOf(name), fieldDoc(f)])),
			]);
			return statement(decl.name, call('defineSchemaModel', obj(entries)));
		}
		case 'enum': {
			const args: Doc[] = [value(decl.name), value(decl.values)];
			if (decl.description) args.push(obj([['description', value(decl.description)]]));
			return statement(decl.name, call('defineEnum', ...args));
		}
		case 'union':
			return statement(
				decl.name,
				call(
					'defineUnion',
					obj([
						['name', value(decl.name)],
						['variants', arr(decl.variants.map(typeDoc))],
					]),
				),
			);
		case 'alias': {
			if (decl.expr.kind === 'union') {
				const entries: [string, Doc][] = [['name', value(decl.name)]];
				if (decl.description) entries.push(['description', value(decl.description)]);
				if (decl.expr.discriminator)
					entries.push(['discriminator', value(decl.expr.discriminator)]);
				entries.push(['variants', arr(decl.expr.variants.map(typeDoc))]);
				return statement(decl.name, call('defineUnion', obj(entries)));
			}
			return statement(decl.name, typeDoc(decl.expr));
		}
	}
}

function propertyKeyOf(name: string): string {
	return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

function renderOperation(op: OperationDraft): string {
	const meta: [string, Doc][] = [
		['key', value(op.key)],
		['version', value(op.version)],
		['stability', value('experimental')],
	];
	if (op.title) meta.push(['title', value(op.title)]);
	if (op.description) meta.push(['description', value(op.description)]);
	if (op.tags.length > 0) meta.push(['tags', value(op.tags)]);
	if (op.deprecated) {
		meta.push([
			'deprecation',
			obj([['reason', value('Marked deprecated in the OpenAPI description.')]]),
		]);
	}
	const entries: [string, Doc][] = [
		['meta', obj(meta)],
		[
			'io',
			obj([
				['input', typeDoc(op.input)],
				['output', typeDoc(op.output)],
			]),
		],
		['policy', obj([['auth', value(op.auth)]])],
	];
	if (op.errors.length > 0) {
		entries.push([
			'errors',
			obj(
				op.errors.map((e) => {
					const error: [string, Doc][] = [
						['status', value(e.status)],
						...(e.documentedAs ? [['documentedAs', value(e.documentedAs)] as [string, Doc]] : []),
						['description', value(e.description)],
					];
					if (e.data) error.push(['data', typeDoc(e.data)]);
					return [e.code, obj(error)] as [string, Doc];
				}),
			),
		]);
	}
	const rest: [string, Doc][] = [
		['method', value(op.method)],
		['path', value(op.path)],
	];
	const { parameters, bodyField, bodyMediaTypes, status, response } = op.rest;
	if (parameters) rest.push(['parameters', value(parameters)]);
	if (bodyField !== undefined) rest.push(['bodyField', value(bodyField)]);
	if (bodyMediaTypes) rest.push(['bodyMediaTypes', value(bodyMediaTypes)]);
	if (status !== undefined) rest.push(['status', value(status)]);
	if (response) rest.push(['response', value(response)]);
	const transport: [string, Doc][] = [['rest', obj(rest)]];
	if (op.graphqlField) transport.push(['graphql', obj([['field', value(op.graphqlField)]])]);
	if (op.mcpTool) transport.push(['mcp', obj([['tool', value(op.mcpTool)]])]);
	entries.push(['transport', obj(transport)]);
	return `${statement(op.constName, call(op.kind === 'command' ? 'defineCommand' : 'defineQuery', obj(entries)))}`;
}

/** Orders relative import paths the way Biome's import sorting does: farther parents first. */
function compareImports(a: string, b: string): number {
	const depth = (p: string) => p.split('/').filter((s) => s === '..').length;
	if (depth(a) !== depth(b)) return depth(b) - depth(a);
	// Biome orders `team.schema.ts` before `team-full.schema.ts`: a dot sorts first.
	const key = (p: string) => p.replaceAll('.', '\u0001');
	return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
