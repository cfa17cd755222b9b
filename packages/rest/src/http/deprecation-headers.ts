import type { OperationSpec } from '@charter/spec';

/**
 * Gives the `Deprecation` (RFC 9745, `@<epoch seconds>`) and `Sunset` (RFC 8594, HTTP date)
 * headers of a deprecated operation, from `meta.deprecation` or `stability: 'deprecated'`.
 */
export function deprecationHeaders(spec: OperationSpec): Record<string, string> {
	const deprecation = spec.meta.deprecation;
	if (!deprecation && spec.meta.stability !== 'deprecated') return {};
	const headers: Record<string, string> = {};
	const since = deprecation?.since ? Date.parse(deprecation.since) : Number.NaN;
	headers.deprecation = Number.isNaN(since) ? 'true' : `@${Math.floor(since / 1000)}`;
	const sunset = deprecation?.sunset ? Date.parse(deprecation.sunset) : Number.NaN;
	if (!Number.isNaN(sunset)) headers.sunset = new Date(sunset).toUTCString();
	return headers;
}
