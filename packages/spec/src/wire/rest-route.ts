import { isObjectRoot } from '@charter/schema';
import type { OperationSpec, RestTransport } from '../operations/operation-types.ts';
import { wireNames } from './wire-names.ts';

/**
 * One operation as a REST client sends it: method, path template, whether the input travels
 * whole (see `WHOLE_INPUT_PARAMETER`), and what `transport.rest` declares beyond that.
 */
export interface RestRoute
	extends Pick<RestTransport, 'parameters' | 'bodyField' | 'bodyMediaTypes'> {
	readonly method: string;
	/** The path with `{name}` parameters, e.g. `/v2/todos/{id}`. */
	readonly path: string;
	/** The input is not an object and travels whole. */
	readonly whole?: boolean;
	/** The media type of the download the route may answer with (`response.stream`). */
	readonly download?: string;
}

/** The REST route of a contract, the one rule the typed client and the generated SDK share. */
export function restRoute(spec: OperationSpec): RestRoute {
	const { method, path } = wireNames(spec).rest;
	const { parameters, bodyField, bodyMediaTypes, response } = spec.transport.rest ?? {};
	return {
		method,
		path,
		...(isObjectRoot(spec.io.input) ? {} : { whole: true }),
		...(parameters ? { parameters } : {}),
		...(bodyField !== undefined ? { bodyField } : {}),
		...(bodyMediaTypes ? { bodyMediaTypes } : {}),
		...(response?.stream ? { download: response.stream.mediaType } : {}),
	};
}
