// Path, query, header and cookie parameters of an operation as input fields, with where and in
// which style each travels (`transport.rest.parameters`), and path parameters the document
// forgot to declare.
import type { RestParameter } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { contentSchema } from './media-types.ts';
import { pascalCase } from './naming.ts';
import type { Location, OperationEntry, OperationScope } from './operation-scope.ts';
import { annotations } from './schema-annotations.ts';
import type { FieldExpr } from './type-expr.ts';

const STYLES: Record<string, readonly string[]> = {
	query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
	header: ['simple'],
	cookie: ['form'],
	path: ['simple', 'label', 'matrix'],
};
/** Media types of a `content` parameter read as a JSON document. */
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Converts an operation's parameters into input fields; lists the header ones, and the wire of
 * each that does not travel the default way (a GET's query parameter, repeated when a list).
 */
export function parameterFields(
	scope: OperationScope,
	entry: OperationEntry,
	base: string,
	module: string,
): {
	fields: Record<string, FieldExpr>;
	headers: string[];
	wire: Record<string, RestParameter>;
} {
	const { path, method, pointer } = entry;
	const fields: Record<string, FieldExpr> = {};
	const headers: string[] = [];
	const wire: Record<string, RestParameter> = {};
	for (const { param, at, holder } of declaredParameters(scope, entry)) {
		const name = String(param.name);
		const where = String(param.in);
		// Refs inside the parameter resolve from the file it was found in.
		const schemaAt = param.schema !== undefined ? child(holder.at, 'schema') : holder.at;
		const schema = param.schema ?? contentSchema(param.content);
		const required = where === 'path' || param.required === true;
		let field = scope.schemas.field(
			schema,
			{ file: holder.file, pointer: schemaAt, hint: `${base}${pascalCase(name)}`, module },
			required,
		);
		field = { ...field, ...annotations(param) };
		if (Object.hasOwn(fields, name)) {
			scope.report.add(
				'skipped',
				at,
				`a second parameter named ${JSON.stringify(name)} (in ${where}) is left out: input fields share one namespace`,
			);
			continue;
		}
		fields[name] = field;
		if (where === 'header') headers.push(name);
		const declared = parameterWire(scope, param, where, method, at);
		if (declared) wire[name] = declared;
	}

	const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
	for (const name of pathParams) {
		if (!Object.hasOwn(fields, name)) {
			scope.report.add(
				'normalized',
				pointer,
				`path parameter ${JSON.stringify(name)} is not declared; typed as a string`,
			);
			fields[name] = { type: { kind: 'scalar', name: 'String' }, isOptional: false };
		}
	}
	return { fields, headers, wire };
}

/**
 * How a query, header or cookie parameter travels, when it is not a GET's plain query value
 * (OpenAPI's default, which Charter reads without a declaration); undefined for that one.
 */
function parameterWire(
	scope: OperationScope,
	param: JsonObject,
	where: string,
	method: string,
	at: string,
): RestParameter | undefined {
	const styles = STYLES[where];
	if (!styles) return undefined;
	if (isObject(param.content)) {
		const types = Object.keys(param.content);
		if (!types.some((t) => JSON_MEDIA.test(t))) {
			scope.report.add(
				'normalized',
				at,
				`a parameter in ${types.join(', ')} is read as a JSON document; Charter reads no other media type in a parameter`,
			);
		}
		return { in: where as RestParameter['in'], content: 'application/json' };
	}
	let style = typeof param.style === 'string' ? param.style : styles[0]!;
	if (!styles.includes(style)) {
		scope.report.add(
			'normalized',
			at,
			`style "${style}" is not one Charter reads in a ${where}; read as "${styles[0]}"`,
		);
		style = styles[0]!;
	}
	const explode = typeof param.explode === 'boolean' ? param.explode : style === 'form';
	const plain = where === 'query' && style === 'form' && explode;
	if (plain && method === 'get') return undefined;
	// A `simple` path segment is how every route reads its parameters.
	if (where === 'path' && style === 'simple' && !explode) return undefined;
	return {
		in: where as RestParameter['in'],
		...(style !== styles[0] ? { style: style as RestParameter['style'] } : {}),
		...(explode !== (style === 'form') ? { explode } : {}),
	};
}

/**
 * Lists the path item's and the operation's parameters; the operation's win on `in` and `name`.
 * Each comes with its JSON path in the main document and where it really lives.
 */
function declaredParameters(
	scope: OperationScope,
	entry: OperationEntry,
): { param: JsonObject; at: string; holder: Location }[] {
	const byId = new Map<string, { param: JsonObject; at: string; holder: Location }>();
	const { pointer, item, op } = entry;
	const itemPointer = pointer.slice(0, pointer.lastIndexOf('/'));
	const lists: [unknown, string, Location][] = [
		[item.parameters, child(itemPointer, 'parameters'), entry.itemAt],
		[op.parameters, child(pointer, 'parameters'), entry.opAt],
	];
	for (const [list, at, where] of lists) {
		if (!Array.isArray(list)) continue;
		list.forEach((raw, i) => {
			const paramAt = child(at, i);
			const target = scope.source.deref(raw, where.file, child(where.at, 'parameters', i));
			const value = target.value;
			if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') {
				scope.report.add('skipped', paramAt, 'a parameter needs a `name` and an `in`; left out');
				return;
			}
			byId.set(`${value.in}:${value.name}`, {
				param: value,
				at: paramAt,
				holder: { file: target.file, at: target.pointer },
			});
		});
	}
	return [...byId.values()];
}
