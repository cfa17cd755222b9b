// Path, query and header parameters of an operation as input fields (cookies are left out), and
// path parameters the document forgot to declare.
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { contentSchema } from './media-types.ts';
import { pascalCase } from './naming.ts';
import type { OperationEntry, OperationScope } from './operation-scope.ts';
import { annotations } from './schema-annotations.ts';
import type { FieldExpr } from './type-expr.ts';

/** Converts an operation's parameters into input fields, and lists the header ones. */
export function parameterFields(
	scope: OperationScope,
	entry: OperationEntry,
	base: string,
	module: string,
): { fields: Record<string, FieldExpr>; headers: string[] } {
	const { path, method, pointer, item, op } = entry;
	const file = scope.source.mainFile;
	const fields: Record<string, FieldExpr> = {};
	const headers: string[] = [];
	const site = (at: string, hint: string) => ({ file, pointer: at, hint, module });

	for (const { param, at } of declaredParameters(scope, item, op, pointer)) {
		const name = String(param.name);
		const where = String(param.in);
		if (where === 'cookie') {
			scope.report.add(
				'skipped',
				at,
				`cookie parameter ${JSON.stringify(name)} is not imported (Charter reads no cookies)`,
			);
			continue;
		}
		const schemaAt = param.schema !== undefined ? child(at, 'schema') : at;
		const schema = param.schema ?? contentSchema(param.content);
		const required = where === 'path' || param.required === true;
		let field = scope.schemas.field(
			schema,
			site(schemaAt, `${base}${pascalCase(name)}`),
			required && where !== 'header',
		);
		field = { ...field, ...annotations(param) };
		const defaultStyle = where === 'query' || where === 'cookie' ? 'form' : 'simple';
		if (typeof param.style === 'string' && param.style !== defaultStyle) {
			scope.report.add(
				'normalized',
				at,
				`style "${param.style}" is not kept: Charter reads ${where === 'query' ? 'repeated keys or JSON' : 'plain values'}`,
			);
		}
		if (where === 'header') {
			headers.push(name);
			scope.report.add(
				'header-parameter',
				at,
				`header ${JSON.stringify(name)} is an optional input field; the REST router does not bind headers yet (the wrappers fill it from the request headers)`,
			);
		} else if (where === 'query' && method !== 'get') {
			scope.report.add(
				'normalized',
				at,
				`query parameter ${JSON.stringify(name)} of a ${method.toUpperCase()} is an input field; Charter reads it from the JSON body`,
			);
		}
		if (Object.hasOwn(fields, name)) {
			scope.report.add(
				'skipped',
				at,
				`a second parameter named ${JSON.stringify(name)} (in ${where}) is left out: input fields share one namespace`,
			);
			continue;
		}
		fields[name] = field;
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
	return { fields, headers };
}

/** Lists the path item's and the operation's parameters; the operation's win on `in` and `name`. */
function declaredParameters(
	scope: OperationScope,
	item: JsonObject,
	op: JsonObject,
	pointer: string,
): { param: JsonObject; at: string }[] {
	const byId = new Map<string, { param: JsonObject; at: string }>();
	const itemAt = pointer.slice(0, pointer.lastIndexOf('/'));
	const lists: [unknown, string][] = [
		[item.parameters, child(itemAt, 'parameters')],
		[op.parameters, child(pointer, 'parameters')],
	];
	for (const [list, at] of lists) {
		if (!Array.isArray(list)) continue;
		list.forEach((raw, i) => {
			const paramAt = child(at, i);
			const { value } = scope.source.deref(raw, scope.source.mainFile, paramAt);
			if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') {
				scope.report.add('skipped', paramAt, 'a parameter needs a `name` and an `in`; left out');
				return;
			}
			byId.set(`${value.in}:${value.name}`, { param: value, at: paramAt });
		});
	}
	return [...byId.values()];
}
