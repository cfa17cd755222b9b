// The responses of an operation: the success response as its output and status (`default` when
// no success status is declared), the other 2xx statuses and the success headers as its declared
// response (`transport.rest.response`), 4xx / 5xx responses, ranges and a `default` beside a
// success as its declared errors; other statuses are reported.
import {
	type ErrorResponseKey,
	NO_BODY_STATUSES,
	type RestResponseDeclaration,
} from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { errorCodeOf } from './error-codes.ts';
import { pickMedia, reportMediaExamples } from './media-types.ts';
import { pascalCase } from './naming.ts';
import type { ErrorDraft } from './operation-draft.ts';
import { type SuccessResponse, successHeaders } from './operation-response-headers.ts';
import type { Location, OperationScope } from './operation-scope.ts';
import { JSON_ANY, withNull } from './schema-scope.ts';
import type { Expr } from './type-expr.ts';

/** Converts an operation's responses into its output type and declared errors. */
export function operationResponses(
	scope: OperationScope,
	op: JsonObject,
	pointer: string,
	opAt: Location,
	base: string,
	module: string,
): { output: Expr; errors: ErrorDraft[]; status?: number; response?: RestResponseDeclaration } {
	const at = child(pointer, 'responses');
	const responses = isObject(op.responses) ? op.responses : {};
	const statuses = Object.keys(responses);
	const success = statuses.filter((s) => /^2(\d\d|XX)$/i.test(s)).sort();
	// Without a success status, `default` describes the answer (as in many descriptions).
	const primary = success.includes('200')
		? '200'
		: (success[0] ?? (statuses.includes('default') ? 'default' : undefined));
	const status =
		primary && /^2\d\d$/.test(primary) && primary !== '200' ? Number(primary) : undefined;
	let output: Expr = JSON_ANY;
	const errors: ErrorDraft[] = [];
	const media = (status: string) => {
		const responseAt = child(at, status);
		// Refs inside the response resolve from the file it was found in.
		const target = scope.source.deref(
			responses[status],
			opAt.file,
			child(opAt.at, 'responses', status),
		);
		const response = isObject(target.value) ? target.value : {};
		const site = (type: string) => ({
			file: target.file,
			pointer: child(target.pointer, 'content', type, 'schema'),
		});
		const picked = pickMedia(response.content);
		if (picked) reportMediaExamples(scope.report, response, picked.type, responseAt);
		return { response, picked, responseAt, site, target };
	};
	const dropErrorHeaders = (response: JsonObject, responseAt: string) => {
		if (isObject(response.headers) && Object.keys(response.headers).length > 0) {
			scope.report.add(
				'dropped',
				child(responseAt, 'headers'),
				'headers of an error response are not described by Charter',
			);
		}
	};
	const kept: SuccessResponse[] = [];
	let primarySchema: string | undefined;
	if (primary === undefined) {
		scope.report.add('normalized', at, 'no success response is declared: the output is any JSON');
	} else {
		const { picked, responseAt, response, site, target } = media(primary);
		kept.push({ response, target, at: responseAt });
		if (picked) primarySchema = JSON.stringify(picked.schema);
		if (picked) {
			const name = scope.names.claim(`${base}Output`);
			output = withNull(
				scope.schemas.convert(picked.schema, {
					...site(picked.type),
					hint: name,
					module,
					ownName: name,
				}),
			);
			if (!picked.json)
				scope.report.add(
					'normalized',
					responseAt,
					`response media type ${picked.type} is served as application/json`,
				);
		} else if (!(primary === '204' && !isObject(response.content))) {
			scope.report.add(
				'normalized',
				responseAt,
				'the success response has no JSON body: the output is any JSON',
			);
		}
		if (primary === 'default')
			scope.report.add('normalized', responseAt, 'the default response is served as 200');
		else if (/XX$/i.test(primary))
			scope.report.add(
				'normalized',
				responseAt,
				`the ${primary} range is answered and exported as 200: a contract declares single success statuses`,
			);
	}
	// Other success statuses are declared beside the primary one (`response.statuses`): the
	// handler may answer any of them, with the one output (none for 204 and 205).
	const others: number[] = [];
	for (const status of success) {
		if (status === primary) continue;
		if (/XX$/i.test(status)) {
			scope.report.add(
				'dropped',
				child(at, status),
				`the ${status} range beside single success statuses is not kept: the handler answers those declared`,
			);
			continue;
		}
		const code = Number(status);
		others.push(code);
		const { picked, responseAt, response, target } = media(status);
		kept.push({ response, target, at: responseAt });
		if (picked && JSON.stringify(picked.schema) !== primarySchema) {
			scope.report.add(
				'normalized',
				responseAt,
				`status ${status} answers the output of ${primary}: one output per operation, its own body schema is not kept`,
			);
		} else if (!picked && primarySchema !== undefined && !NO_BODY_STATUSES.has(code)) {
			scope.report.add(
				'normalized',
				responseAt,
				`status ${status} has no body in the description: it answers the output of ${primary}`,
			);
		}
	}
	const headers = successHeaders(scope, kept);
	// 4xx and 5xx responses, ranges (`4XX`) and a `default` beside a success become declared
	// errors, their body its data: a range or `default` is answered with the first status it
	// covers (500 for `default`) and documented as the source declared it.
	const declareError = (
		status: string,
		code: number,
		name: string,
		documentedAs?: ErrorResponseKey,
	) => {
		const { response, picked, site, responseAt } = media(status);
		dropErrorHeaders(response, responseAt);
		const data = picked
			? withNull(
					scope.schemas.convert(picked.schema, {
						...site(picked.type),
						hint: `${base}${pascalCase(name)}`,
						module,
					}),
				)
			: undefined;
		errors.push({
			code: name,
			status: code,
			...(documentedAs ? { documentedAs } : {}),
			description: typeof response.description === 'string' ? response.description : name,
			...(data ? { data } : {}),
		});
	};
	for (const status of statuses) {
		if (/^[45]\d\d$/.test(status)) {
			declareError(status, Number(status), errorCodeOf(Number(status)));
		} else if (/^[45]XX$/i.test(status)) {
			const range = status.toUpperCase() as ErrorResponseKey;
			declareError(status, Number(status[0]) * 100, `HTTP_${range}`, range);
		} else if (status === primary) {
			// `default` read as the success response: reported above.
		} else if (status === 'default') {
			declareError(status, 500, 'HTTP_DEFAULT', 'default');
		} else if (!/^2/.test(status)) {
			scope.report.add('dropped', child(at, status), `status ${status} is not kept`);
		}
	}
	const declared: RestResponseDeclaration = {
		...(others.length > 0 ? { statuses: others } : {}),
		...(headers ? { headers } : {}),
	};
	return {
		output,
		errors,
		...(status !== undefined ? { status } : {}),
		...(Object.keys(declared).length > 0 ? { response: declared } : {}),
	};
}
