// The headers of an operation's success responses, declared in `transport.rest.response.headers`
// so a handler may set them and the OpenAPI export lists them.
import { isReservedResponseHeader, type ResponseHeaderDeclaration } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject, type RefTarget } from '../document/openapi-source.ts';
import type { OperationScope } from './operation-scope.ts';

/** A success response the contract keeps: its resolved object, where it was found, and its path. */
export interface SuccessResponse {
	readonly response: JsonObject;
	readonly target: RefTarget;
	/** JSON path of the response in the source, for the report. */
	readonly at: string;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Every header of the kept success responses, by its wire name (the first spelling of a name
 * that differs only in case). Headers Charter writes itself (`Link`, `Retry-After`,
 * `Set-Cookie`...) are not declarable and are reported as dropped; a header whose schema is
 * not a string is declared as a string, reported (declared headers are strings).
 */
export function successHeaders(
	scope: OperationScope,
	responses: readonly SuccessResponse[],
): Record<string, ResponseHeaderDeclaration> | undefined {
	const headers: Record<string, ResponseHeaderDeclaration> = {};
	const seen = new Set<string>();
	for (const { response, target, at } of responses) {
		if (!isObject(response.headers)) continue;
		for (const [name, value] of Object.entries(response.headers)) {
			const headerAt = child(at, 'headers', name);
			if (seen.has(name.toLowerCase())) continue;
			if (!HEADER_NAME.test(name)) {
				scope.report.add('dropped', headerAt, 'not a valid header name: not declared');
				continue;
			}
			if (isReservedResponseHeader(name)) {
				scope.report.add(
					'dropped',
					headerAt,
					`${name} is written by Charter itself: not declared as a response header`,
				);
				continue;
			}
			seen.add(name.toLowerCase());
			const found = scope.source.deref(value, target.file, child(target.pointer, 'headers', name));
			const header = found.value;
			const description =
				isObject(header) && typeof header.description === 'string' && header.description.trim()
					? header.description
					: undefined;
			const schema = isObject(header)
				? scope.source.deref(header.schema, found.file, child(found.pointer, 'schema')).value
				: undefined;
			if (isObject(schema) && schema.type !== undefined && schema.type !== 'string') {
				scope.report.add(
					'normalized',
					headerAt,
					`declared as a string header: its schema (${JSON.stringify(schema.type)}) is not kept`,
				);
			}
			headers[name] = description ? { description } : {};
		}
	}
	return Object.keys(headers).length > 0 ? headers : undefined;
}
