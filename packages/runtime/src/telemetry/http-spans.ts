import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	type Context,
	context,
	ROOT_CONTEXT,
	type Span,
	SpanKind,
	SpanStatusCode,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import { type AccessRecord, accessRecordOf, attachAccessRecord } from '../logging/access-record.ts';
import { contextOfTraceparent } from './trace-context.ts';
import { entersContext } from './unsampled-roots.ts';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;
type FetchHandler = (request: Request) => Promise<Response>;

/** What a request's SERVER span is made of, read from a node:http or a fetch request. */
interface HttpRequestFacts {
	readonly method: string;
	/** The request target, path and query (the query is not recorded). */
	readonly target: string;
	readonly scheme: 'http' | 'https';
	readonly protocolVersion: string | undefined;
	readonly userAgent: string | undefined;
	readonly traceparent: string | undefined;
}

/** A request's SERVER span and the context its parent is in. */
interface HttpSpan {
	readonly span: Span;
	/** The caller's context (a continued `traceparent`) or the root one. */
	readonly parent: Context;
	readonly method: string;
	/** False for a root the sampler dropped, under {@link detachUnsampledRoots}. */
	readonly enter: boolean;
}

/**
 * Starts a request's SERVER span, named by its method until the route is known, carrying the
 * HTTP semantic conventions (`http.request.method`, `url.path`, `url.scheme`) and continuing
 * the caller's W3C `traceparent`. A span the sampler dropped gets no attributes built. The one
 * rule for node:http and fetch hosts; undefined when the application's own HTTP
 * instrumentation already made a server span (one is active): the request is left to it.
 */
function startHttpSpan(tracer: Tracer, request: () => HttpRequestFacts): HttpSpan | undefined {
	if (trace.getSpan(context.active()) !== undefined) return undefined;
	const facts = request();
	const parent = contextOfTraceparent(facts.traceparent);
	const span = tracer.startSpan(facts.method, SERVER_SPAN, parent);
	if (span.isRecording()) {
		const query = facts.target.indexOf('?');
		span.setAttributes({
			'http.request.method': facts.method,
			'url.path': query === -1 ? facts.target : facts.target.slice(0, query),
			'url.scheme': facts.scheme,
		});
		if (facts.protocolVersion !== undefined)
			span.setAttribute('network.protocol.version', facts.protocolVersion);
		if (facts.userAgent !== undefined) span.setAttribute('user_agent.original', facts.userAgent);
	}
	const enter = entersContext(tracer, span, parent !== ROOT_CONTEXT);
	return { span, parent, method: facts.method, enter };
}

const SERVER_SPAN = Object.freeze({ kind: SpanKind.SERVER });

/** The context that makes a request's span the parent of what the request runs. */
function contextOf(http: HttpSpan): Context {
	return trace.setSpan(http.parent, http.span);
}

/**
 * Ends a recording SERVER span with the response: its status (a 5xx marks it failed) and the
 * route the surface recorded on the request's access record (the REST path template, a
 * mount's prefix), which also names it `<method> <route>`; without a route it keeps the
 * method alone, as the conventions ask.
 */
function endHttpSpan(http: HttpSpan, status: number, access: AccessRecord, aborted: boolean): void {
	const { span } = http;
	span.setAttribute('http.response.status_code', status);
	if (access.route !== undefined) {
		span.setAttribute('http.route', access.route);
		span.updateName(`${http.method} ${access.route}`);
	}
	if (aborted) span.setAttribute('charter.aborted', true);
	if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
	span.end();
}

/**
 * Wraps a node:http listener so each request is a SERVER span (see {@link startHttpSpan}),
 * ended when the response closes. The listener runs with the span active, so the span of the
 * operation a request calls (and of a subscription it opens) is its child.
 */
export function traceHttpRequests(tracer: Tracer, listener: Listener): Listener {
	return (request, response) => {
		const http = startHttpSpan(tracer, () => {
			const header = request.headers.traceparent;
			const agent = request.headers['user-agent'];
			return {
				method: request.method ?? 'GET',
				target: request.url ?? '/',
				scheme: 'encrypted' in request.socket ? 'https' : 'http',
				protocolVersion: request.httpVersion,
				userAgent: agent,
				traceparent: typeof header === 'string' ? header : undefined,
			};
		});
		if (http === undefined) return listener(request, response);
		if (!http.enter) {
			(accessRecordOf(request) ?? attachAccessRecord(request)).detachedSpan = http.span;
			return listener(request, response);
		}
		if (http.span.isRecording()) {
			const access = accessRecordOf(request) ?? attachAccessRecord(request);
			response.once('close', () =>
				endHttpSpan(http, response.statusCode, access, !response.writableFinished),
			);
		}
		context.with(contextOf(http), listener, undefined, request, response);
	};
}

/**
 * Wraps a fetch handler so each request is a SERVER span, as {@link traceHttpRequests} does for
 * node:http: the same name, attributes and parent. The span ends when the handler's response
 * is ready (its status known); a streamed body goes on after it. A handler that throws ends
 * it as a 500.
 */
export function traceFetchRequests(tracer: Tracer, handler: FetchHandler): FetchHandler {
	return async (request) => {
		const http = startHttpSpan(tracer, () => {
			const { url } = request;
			const authority = url.indexOf('//');
			const path = url.indexOf('/', authority === -1 ? 0 : authority + 2);
			return {
				method: request.method,
				target: path === -1 ? '/' : url.slice(path),
				scheme: url.startsWith('https:') ? 'https' : 'http',
				protocolVersion: undefined,
				userAgent: request.headers.get('user-agent') ?? undefined,
				traceparent: request.headers.get('traceparent') ?? undefined,
			};
		});
		if (http === undefined) return handler(request);
		if (!http.enter) {
			(accessRecordOf(request) ?? attachAccessRecord(request)).detachedSpan = http.span;
			return handler(request);
		}
		if (!http.span.isRecording()) return context.with(contextOf(http), handler, undefined, request);
		const access = accessRecordOf(request) ?? attachAccessRecord(request);
		try {
			const response = await context.with(contextOf(http), handler, undefined, request);
			endHttpSpan(http, response.status, access, request.signal.aborted);
			return response;
		} catch (error) {
			endHttpSpan(http, 500, access, request.signal.aborted);
			throw error;
		}
	};
}
