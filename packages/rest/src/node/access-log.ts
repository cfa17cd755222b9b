import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachAccessRecord, type Logger } from '@charter/runtime';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Wraps a listener so each request writes one access log line when its response closes:
 * method, path (without the query, which may carry personal data), status, duration in
 * milliseconds, and the trace id and principal id the executor recorded. A response that
 * closed before it finished (the client went away) says `aborted`.
 */
export function withAccessLog(listener: Listener, logger: Logger): Listener {
	return (request, response) => {
		const started = performance.now();
		const access = attachAccessRecord(request);
		response.once('close', () => {
			const url = request.url ?? '/';
			const query = url.indexOf('?');
			const line: Record<string, unknown> = {
				method: request.method,
				path: query === -1 ? url : url.slice(0, query),
				status: response.statusCode,
				durationMs: Math.round((performance.now() - started) * 100) / 100,
			};
			const traceId = access.traceId ?? response.getHeader('x-trace-id');
			if (traceId !== undefined) line.traceId = traceId;
			if (access.principalId !== undefined) line.principalId = access.principalId;
			if (access.operation !== undefined) line.operation = access.operation;
			if (!response.writableFinished) line.aborted = true;
			logger.info(line, 'request');
		});
		listener(request, response);
	};
}
