// The REST wire beyond the route: where input fields travel, the body's media types, the body
// field, the success statuses, response headers, cookies and a download's media type. Each
// change reaches REST, the OpenAPI clients and the SDK only.
import type { OperationSpec, ResponseCookieDeclaration, RestParameter } from '@charter/spec';
import type { Emit } from './diff-rules.ts';

const JSON_ONLY = ['application/json'] as const;

function describeParameter(p: RestParameter | undefined): string {
	if (!p) return 'the body';
	if (p.content) return `${p.in} ${p.name ?? '(field name)'} as ${p.content}`;
	const explode =
		p.explode === false ? ' unexploded' : p.explode && p.style !== 'form' ? ' exploded' : '';
	const style = p.style || explode ? ` ${p.style ?? 'default style'}${explode}` : '';
	return `${p.in} ${p.name ?? '(field name)'}${style}`;
}

/**
 * Compares the REST wire of two operations: a field that moved between the body, the query,
 * headers and cookies (or changed its name or style there), a body field, or a success status is
 * breaking for a caller that sends or reads the old wire; a body media type dropped is breaking,
 * one added is safe.
 */
export function diffRestWire(a: OperationSpec, b: OperationSpec, emit: Emit): void {
	const ra = a.transport.rest ?? {};
	const rb = b.transport.rest ?? {};
	const pa = ra.parameters ?? {};
	const pb = rb.parameters ?? {};
	for (const field of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
		const before = describeParameter(pa[field]);
		const after = describeParameter(pb[field]);
		if (before === after) continue;
		emit(
			'rest-wire-changed',
			`$.transport.rest.parameters.${field}`,
			`input ${field} moved on the REST wire: ${before} -> ${after}`,
			{ before, after },
		);
	}
	if ((ra.bodyField ?? '') !== (rb.bodyField ?? '')) {
		emit(
			'rest-wire-changed',
			'$.transport.rest.bodyField',
			`the request body is ${rb.bodyField ? `field ${rb.bodyField}` : 'the input object'} now, not ${ra.bodyField ? `field ${ra.bodyField}` : 'the input object'}`,
			{ before: ra.bodyField, after: rb.bodyField },
		);
	}
	const ma: readonly string[] = ra.bodyMediaTypes ?? JSON_ONLY;
	const mb: readonly string[] = rb.bodyMediaTypes ?? JSON_ONLY;
	for (const type of ma) {
		if (!mb.includes(type)) {
			emit(
				'rest-wire-changed',
				'$.transport.rest.bodyMediaTypes',
				`a ${type} body is no longer accepted`,
				{ before: type },
			);
		}
	}
	for (const type of mb) {
		if (!ma.includes(type)) {
			emit(
				'rest-wire-changed',
				'$.transport.rest.bodyMediaTypes',
				`a ${type} body is accepted now`,
				{ after: type, severity: 'safe' },
			);
		}
	}
	if ((ra.status ?? 200) !== (rb.status ?? 200)) {
		emit(
			'rest-wire-changed',
			'$.transport.rest.status',
			`success status ${ra.status ?? 200} -> ${rb.status ?? 200}`,
			{ before: ra.status ?? 200, after: rb.status ?? 200 },
		);
	}
	diffRestResponse(ra.response ?? {}, rb.response ?? {}, emit);
}

type Response = NonNullable<NonNullable<OperationSpec['transport']['rest']>['response']>;

/** The cookie attributes a browser keys on, as one text: a change of any of them is breaking. */
function describeCookie(c: ResponseCookieDeclaration): string {
	return JSON.stringify([c.httpOnly, c.secure, c.sameSite, c.path, c.domain, c.maxAge]);
}

/**
 * What a handler may set (`transport.rest.response`): a success status added is dangerous (a
 * client meets a case it did not handle, like a new error), one removed is info; a header or
 * cookie removed, a cookie's attributes changed or the download's media type changed is
 * breaking; a header or cookie added is safe.
 */
function diffRestResponse(ra: Response, rb: Response, emit: Emit): void {
	const sa = new Set(ra.statuses ?? []);
	const sb = new Set(rb.statuses ?? []);
	for (const status of sb) {
		if (!sa.has(status)) {
			emit(
				'rest-wire-changed',
				'$.transport.rest.response.statuses',
				`the handler may answer ${status} now`,
				{ after: status, severity: 'dangerous' },
			);
		}
	}
	for (const status of sa) {
		if (!sb.has(status)) {
			emit(
				'rest-wire-changed',
				'$.transport.rest.response.statuses',
				`the handler no longer answers ${status}`,
				{ before: status, severity: 'info' },
			);
		}
	}
	const ha = new Set(Object.keys(ra.headers ?? {}).map((h) => h.toLowerCase()));
	const hb = new Set(Object.keys(rb.headers ?? {}).map((h) => h.toLowerCase()));
	for (const header of ha) {
		if (!hb.has(header)) {
			emit(
				'rest-wire-changed',
				`$.transport.rest.response.headers.${header}`,
				`response header ${header} is no longer sent`,
				{ before: header },
			);
		}
	}
	for (const header of hb) {
		if (!ha.has(header)) {
			emit(
				'rest-wire-changed',
				`$.transport.rest.response.headers.${header}`,
				`response header ${header} may be sent now`,
				{ after: header, severity: 'safe' },
			);
		}
	}
	const ca = ra.cookies ?? {};
	const cb = rb.cookies ?? {};
	for (const name of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
		const before = ca[name];
		const after = cb[name];
		const at = `$.transport.rest.response.cookies.${name}`;
		if (before && !after) {
			emit('rest-wire-changed', at, `cookie ${name} is no longer set`, { before: name });
		} else if (!before && after) {
			emit('rest-wire-changed', at, `cookie ${name} may be set now`, {
				after: name,
				severity: 'safe',
			});
		} else if (before && after && describeCookie(before) !== describeCookie(after)) {
			emit('rest-wire-changed', at, `cookie ${name} changed its attributes`, {
				before: describeCookie(before),
				after: describeCookie(after),
			});
		}
	}
	const da = ra.stream?.mediaType;
	const db = rb.stream?.mediaType;
	if (da !== db) {
		emit(
			'rest-wire-changed',
			'$.transport.rest.response.stream',
			`the download is ${db ?? 'gone (JSON only)'} now, not ${da ?? 'JSON only'}`,
			{ before: da, after: db, ...(da === undefined ? { severity: 'dangerous' as const } : {}) },
		);
	}
}
