// The input model of an operation: its parameter fields, with the request body's properties
// flattened in (or the body as the field `body`, the REST body field, when it is not an
// object), and the media types the body comes in.
import type { RestBodyMediaType } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { bodyMediaTypes, pickMedia, reportMediaExamples } from './media-types.ts';
import type { Location, OperationScope } from './operation-scope.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

/** An operation's input type, and how its body travels when not as a JSON object of members. */
export interface OperationInput {
	readonly input: Expr;
	readonly bodyField?: string;
	readonly bodyMediaTypes?: readonly RestBodyMediaType[];
}

/** Converts the request body and the parameter fields into the operation's input type. */
export function operationInput(
	scope: OperationScope,
	op: JsonObject,
	pointer: string,
	opAt: Location,
	fields: Record<string, FieldExpr>,
	isGet: boolean,
	base: string,
	module: string,
	noParameters: boolean,
): OperationInput {
	const name = scope.names.claim(`${base}Input`);
	let media: Pick<OperationInput, 'bodyMediaTypes'> = {};
	if (op.requestBody !== undefined) {
		const bodyAt = child(pointer, 'requestBody');
		// Refs inside the body resolve from the file it was found in.
		const {
			value: body,
			file,
			pointer: bodyIn,
		} = scope.source.deref(op.requestBody, opAt.file, child(opAt.at, 'requestBody'));
		const picked = isObject(body) ? pickMedia(body.content) : undefined;
		if (picked) reportMediaExamples(scope.report, body, picked.type, bodyAt);
		if (isGet) {
			scope.report.add(
				'dropped',
				bodyAt,
				'a GET request body is not kept: Charter reads GET input from the query string',
			);
		} else if (picked) {
			const types = bodyMediaTypes(isObject(body) ? body.content : undefined);
			if (types.unread.length > 0) {
				scope.report.add(
					'normalized',
					child(bodyAt, 'content'),
					`body media type ${types.unread.join(', ')} is not read by Charter (it reads JSON, URL-encoded and multipart forms)`,
				);
			}
			if (
				types.read.length > 0 &&
				!(types.read.length === 1 && types.read[0] === 'application/json')
			)
				media = { bodyMediaTypes: types.read };
			const at = child(bodyAt, 'content', picked.type, 'schema');
			const converted = scope.schemas.convert(picked.schema, {
				file,
				pointer: child(bodyIn, 'content', picked.type, 'schema'),
				hint: name,
				module,
				ownName: name,
			});
			const bodyRequired = isObject(body) && body.required === true;
			const decl = converted.expr.kind === 'ref' ? converted.expr.decl : undefined;
			if (decl?.kind === 'model') {
				if (bodyRequired && Object.values(decl.fields).every((f) => f.isOptional)) {
					scope.report.add(
						'normalized',
						bodyAt,
						'the body is required but none of its members is: Charter reads a missing body as {}',
					);
				}
				if (!bodyRequired && Object.values(decl.fields).some((f) => !f.isOptional)) {
					scope.report.add(
						'normalized',
						bodyAt,
						'the body is optional but has required fields: Charter requires the body',
					);
				}
				if (noParameters) return { input: converted.expr, ...media };
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
					return { input: converted.expr, ...media };
				}
			} else {
				if (Object.hasOwn(fields, 'body')) {
					scope.report.add(
						'skipped',
						at,
						'the body is not an object and a parameter is named `body`: the body is left out',
					);
				} else {
					fields.body = {
						type: converted.expr,
						isOptional: !bodyRequired,
						...(converted.nullable ? { isNullable: true } : {}),
					};
					return {
						input: { kind: 'ref', decl: declareModel(scope, name, module, fields) },
						bodyField: 'body',
						...media,
					};
				}
			}
		} else {
			scope.report.add('dropped', bodyAt, 'the body has no schema; it is not described');
		}
	}
	return { input: { kind: 'ref', decl: declareModel(scope, name, module, fields) }, ...media };
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
