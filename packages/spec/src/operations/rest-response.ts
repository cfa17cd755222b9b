import { ContractDefinitionError } from '../errors.ts';
import type { OperationKind, RestTransport, TransportOverrides } from './operation-types.ts';

/**
 * Response headers Charter writes itself: a contract may not declare them (cookies are declared
 * under `cookies`, the body's type by `stream`).
 */
export const RESERVED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
	'content-type',
	'content-length',
	'transfer-encoding',
	'connection',
	'set-cookie',
	'x-trace-id',
	'idempotent-replayed',
	'deprecation',
	'sunset',
	'link',
	'retry-after',
	'www-authenticate',
	'vary',
]);

/** True for a header Charter writes itself (CORS's `Access-Control-*` included). */
export function isReservedResponseHeader(name: string): boolean {
	const lower = name.toLowerCase();
	return RESERVED_RESPONSE_HEADERS.has(lower) || lower.startsWith('access-control-');
}

/** Success statuses answered without a body (the output is not sent). */
export const NO_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const COOKIE_NAME = HEADER_NAME;
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/**
 * Every success status an operation may answer with on REST: its default `status` (200 unless
 * declared) first, then `response.statuses`.
 */
export function successStatuses(rest: RestTransport | undefined): readonly number[] {
	const first = rest?.status ?? 200;
	const others = (rest?.response?.statuses ?? []).filter((s) => s !== first);
	return [first, ...new Set(others)];
}

/** Checks `transport.rest.response` when the contract is defined; returns the frozen overrides. */
export function checkRestResponse(
	key: string,
	kind: OperationKind,
	transport: TransportOverrides,
): TransportOverrides {
	const response = transport.rest?.response;
	if (response !== undefined) {
		const fail = (field: string, reason: string): never => {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_REST_RESPONSE',
				key,
				`transport.rest.response.${field}`,
				reason,
			);
		};
		for (const status of response.statuses ?? []) {
			if (!(Number.isInteger(status) && status >= 200 && status < 300)) {
				fail('statuses', `${JSON.stringify(status)} is not a success status (200-299)`);
			}
		}
		for (const name of Object.keys(response.headers ?? {})) {
			if (!HEADER_NAME.test(name)) fail(`headers.${name}`, 'is not a valid header name');
			if (isReservedResponseHeader(name)) {
				fail(
					`headers.${name}`,
					name.toLowerCase() === 'set-cookie'
						? 'declare cookies under `cookies`'
						: 'Charter writes this header itself',
				);
			}
		}
		for (const [name, cookie] of Object.entries(response.cookies ?? {})) {
			if (!COOKIE_NAME.test(name)) fail(`cookies.${name}`, 'is not a valid cookie name');
			if (cookie?.sameSite === 'None' && cookie.secure === false) {
				fail(`cookies.${name}`, 'SameSite=None needs Secure (browsers drop it otherwise)');
			}
		}
		if (response.stream !== undefined) {
			if (kind === 'command') {
				fail('stream', 'only a query may stream (a command replayed by Idempotency-Key could not)');
			}
			if (
				typeof response.stream.mediaType !== 'string' ||
				!MEDIA_TYPE.test(response.stream.mediaType)
			) {
				fail(
					'stream.mediaType',
					`${JSON.stringify(response.stream.mediaType)} is not a media type`,
				);
			}
		}
	}
	return Object.freeze({ ...transport });
}
