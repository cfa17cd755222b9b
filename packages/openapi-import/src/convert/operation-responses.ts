// The responses of an operation: the success response as its output and status (`default` when
// no success status is declared), 4xx / 5xx responses as its declared errors; other statuses are
// reported.
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
	for (const status of statuses) {
		if (/^[45](\d\d|XX)$/i.test(status)) {
			const code = /XX$/i.test(status) ? Number(status[0]) * 100 : Number(status);
			const { response, picked, site } = media(status);
			const data = picked
				? withNull(
						scope.schemas.convert(picked.schema, {
							...site(picked.type),
							hint: `${base}${pascalCase(errorCodeOf(code))}`,
							module,
						}),
					)
				: undefined;
			errors.push({
				code: /XX$/i.test(status) ? `HTTP_${status.toUpperCase()}` : errorCodeOf(code),
				status: code,
				description:
					typeof response.description === 'string' ? response.description : errorCodeOf(code),
				...(data ? { data } : {}),
			});
		} else if (status === primary) {
			// `default` read as the success response: reported above.
		} else if (status === 'default') {
			scope.report.add(
				'dropped',
				child(at, status),
				'the `default` response is not kept: unexpected errors are Charter problems',
			);
		} else if (!/^2/.test(status)) {
			scope.report.add('dropped', child(at, status), `status ${status} is not kept`);
		}
	}
	return { output, errors, ...(status !== undefined ? { status } : {}) };
}
