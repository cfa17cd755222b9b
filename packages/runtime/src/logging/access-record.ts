import type { Span } from '@opentelemetry/api';

/**
 * What the runtime learns about a request that its access log line reports: filled in by the
 * pipeline once it has authenticated the caller (the last call's, when a request makes several).
 */
export interface AccessRecord {
	traceId?: string;
	principalId?: string;
	/** The operation (`key@version`) the request ran. */
	operation?: string;
	/** The route template that served the request (`/v1/todo/{id}`, `/graphql`), for HTTP spans. */
	route?: string;
	/**
	 * The request's HTTP span when it was dropped and its context not entered (a root under
	 * `detachUnsampledRoots`): the operation stands on it instead of asking the SDK again.
	 */
	detachedSpan?: Span;
}

const ACCESS = Symbol.for('charter.access-record');

/**
 * Attaches an access record (a fresh one by default) to a transport's request object: a
 * node:http request, or the fetch `Request` a handler made of one.
 */
export function attachAccessRecord(request: object, record: AccessRecord = {}): AccessRecord {
	(request as { [ACCESS]?: AccessRecord })[ACCESS] = record;
	return record;
}

/** The access record attached to a request, if its server keeps an access log. */
export function accessRecordOf(request: object): AccessRecord | undefined {
	return (request as { [ACCESS]?: AccessRecord })[ACCESS];
}
