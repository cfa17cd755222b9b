import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { accessRecordOf, attachAccessRecord } from '../logging/access-record.ts';
import { contextOfTraceparent } from './trace-context.ts';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Wraps a node:http listener so each request is a SERVER span, named `<method> <route>` and
 * carrying the HTTP semantic conventions (`http.request.method`, `url.path`, `url.scheme`,
 * `http.route`, `http.response.status_code`), that continues the caller's W3C `traceparent`.
 * The listener runs with the span active, so the span of the operation a request calls (and
 * of a subscription it opens) is its child. The route is what the surface recorded on the
 * request's access record (the REST path template, a mount's prefix); without one the span
 * is named by its method alone, as the conventions ask. A span the sampler dropped gets no
 * attributes built. When the application's own HTTP instrumentation already made a server
 * span (one is active), it is left to that one.
 */
export function traceHttpRequests(tracer: Tracer, listener: Listener): Listener {
	return (request, response) => {
		if (trace.getSpan(context.active()) !== undefined) return listener(request, response);
		const method = request.method ?? 'GET';
		const header = request.headers.traceparent;
		const parent = contextOfTraceparent(typeof header === 'string' ? header : undefined);
		const span = tracer.startSpan(method, { kind: SpanKind.SERVER }, parent);
		if (span.isRecording()) {
			const url = request.url ?? '/';
			const query = url.indexOf('?');
			span.setAttributes({
				'http.request.method': method,
				'url.path': query === -1 ? url : url.slice(0, query),
				'url.scheme': 'encrypted' in request.socket ? 'https' : 'http',
				'network.protocol.version': request.httpVersion,
			});
			const agent = request.headers['user-agent'];
			if (agent !== undefined) span.setAttribute('user_agent.original', agent);
			const access = accessRecordOf(request) ?? attachAccessRecord(request);
			response.once('close', () => {
				const status = response.statusCode;
				span.setAttribute('http.response.status_code', status);
				if (access.route !== undefined) {
					span.setAttribute('http.route', access.route);
					span.updateName(`${method} ${access.route}`);
				}
				if (!response.writableFinished) span.setAttribute('charter.aborted', true);
				if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
				span.end();
			});
		}
		context.with(trace.setSpan(parent, span), listener, undefined, request, response);
	};
}
