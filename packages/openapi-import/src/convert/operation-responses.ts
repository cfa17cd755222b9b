// The responses of an operation: the success response as its output and status (`default` when
// no success status is declared), 4xx / 5xx responses, ranges and a `default` beside a success
// as its declared errors; other statuses are reported.
import type { ErrorResponseKey } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import { errorCodeOf } from './error-codes.ts';
import { pickMedia, reportMediaExamples } from './media-types.ts';
import { pascalCase } from './naming.ts';
import type { ErrorDraft } from './operation-draft.ts';
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
): { output: Expr; errors: ErrorDraft[]; status?: number } {
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
		if (isObject(response.headers) && Object.keys(response.headers).length > 0) {
			scope.report.add(
				'dropped',
				child(responseAt, 'headers'),
				'response headers are not described by Charter',
			);
		}
		return { response, picked, responseAt, site };
	};
	if (primary === undefined) {
		scope.report.add('normalized', at, 'no success response is declared: the output is any JSON');
	} else {
		const { picked, responseAt, response, site } = media(primary);
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
		if (primary === 'default' || /XX$/i.test(primary))
			scope.report.add('normalized', responseAt, `the ${primary} response is served as 200`);
	}
	for (const status of success) {
		if (status !== primary)
			scope.report.add(
				'dropped',
				child(at, status),
				`another success status (${status}) is not kept: one output per operation`,
			);
	}
	// 4xx and 5xx responses, ranges (`4XX`) and a `default` beside a success become declared
	// errors, their body its data: a range or `default` is answered with the first status it
	// covers (500 for `default`) and documented as the source declared it.
	const declareError = (
		status: string,
		code: number,
		name: string,
		documentedAs?: ErrorResponseKey,
	) => {
		const { response, picked, site } = media(status);
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
	return { output, errors, ...(status !== undefined ? { status } : {}) };
}
