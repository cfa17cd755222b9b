// The REST wire beyond the route: where input fields travel, the body's media types, the body
// field and the success status. Each change reaches REST, the OpenAPI clients and the SDK only.
import type { OperationSpec, RestParameter } from '@charter/spec';
import type { Emit } from './diff-rules.ts';

const JSON_ONLY = ['application/json'] as const;

function describeParameter(p: RestParameter | undefined): string {
	if (!p) return 'the body';
	const style = p.style ? ` ${p.style}${p.explode === false ? ' unexploded' : ''}` : '';
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
}
