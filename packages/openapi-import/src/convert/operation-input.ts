// The input model of an operation: its parameter fields, with the request body's properties
// flattened in (or the body as the field `body` when it is not an object).
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { pickMedia, reportMediaExamples } from './media-types.ts';
import type { OperationScope } from './operation-scope.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

/** Converts the request body and the parameter fields into the operation's input type. */
export function operationInput(
	scope: OperationScope,
	op: JsonObject,
	pointer: string,
	fields: Record<string, FieldExpr>,
	isGet: boolean,
	base: string,
	module: string,
	noParameters: boolean,
): Expr {
	const file = scope.source.mainFile;
	const name = scope.names.claim(`${base}Input`);
	if (op.requestBody !== undefined) {
		const bodyAt = child(pointer, 'requestBody');
		const { value: body } = scope.source.deref(op.requestBody, file, bodyAt);
		const picked = isObject(body) ? pickMedia(body.content) : undefined;
		if (picked) reportMediaExamples(scope.report, body, picked.type, bodyAt);
		if (isGet) {
			scope.report.add(
				'dropped',
				bodyAt,
				'a GET request body is not kept: Charter reads GET input from the query string',
			);
		} else if (picked) {
			if (!picked.json) {
				scope.report.add(
					'normalized',
					child(bodyAt, 'content'),
					`body media type ${picked.type} is read as application/json by Charter`,
				);
			}
			const at = child(bodyAt, 'content', picked.type, 'schema');
			const converted = scope.schemas.convert(picked.schema, {
				file,
				pointer: at,
				hint: name,
				module,
				ownName: name,
			});
			const bodyRequired = isObject(body) && body.required === true;
			const decl = converted.expr.kind === 'ref' ? converted.expr.decl : undefined;
			if (decl?.kind === 'model') {
				if (!bodyRequired && Object.values(decl.fields).some((f) => !f.isOptional)) {
					scope.report.add(
						'normalized',
						bodyAt,
						'the body is optional but has required fields: Charter requires the body',
					);
				}
				if (noParameters) return converted.expr;
				const inline = decl.module === module && decl.name === name;
				if (!inline) {
					scope.report.add(
						'normalized',
						at,
						`body model ${decl.name} is flattened into ${name} together with the parameters`,
					);
				}
				for (const [prop, f] of Object.entries(decl.fields)) {
					if (Object.hasOwn(fields, prop)) {
						scope.report.add(
							'skipped',
							child(at, 'properties', prop),
							`body property ${JSON.stringify(prop)} has the name of a parameter; the parameter wins`,
						);
					} else fields[prop] = f;
				}
				if (inline) {
					decl.fields = fields;
					return converted.expr;
				}
			} else {
				scope.report.add(
					'normalized',
					at,
					'the body is not an object: it is the input field `body`',
				);
				fields.body = {
					type: converted.expr,
					isOptional: !bodyRequired,
					...(converted.nullable ? { isNullable: true } : {}),
				};
			}
		} else {
			scope.report.add('dropped', bodyAt, 'the body has no schema; it is not described');
		}
	}
	return { kind: 'ref', decl: declareModel(scope, name, module, fields) };
}

function declareModel(
	scope: OperationScope,
	name: string,
	module: string,
	fields: Record<string, FieldExpr>,
): Decl {
	const decl: Decl = { kind: 'model', name, module, fields };
	scope.schemas.declarations.push(decl);
	return decl;
}
