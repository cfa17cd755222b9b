import type { Problem } from '@charter/spec';
import {
	context,
	isSpanContextValid,
	type Span,
	SpanKind,
	SpanStatusCode,
	type Tracer,
	trace,
} from '@opentelemetry/api';
import { parseTraceparent } from './trace-context.ts';
import { droppedBySampler, entersContext } from './unsampled-roots.ts';

/** The JSON-RPC request an MCP span covers. */
export interface TracedMcpRequest {
	/** The MCP method (`tools/call`). */
	readonly method: string;
	/** The tool a `tools/call` names. */
	readonly tool?: string;
	readonly id?: string | number;
	/** The caller's W3C `traceparent`, sent in the request's `params._meta` (SEP-414). */
	readonly traceparent?: string | undefined;
	/** The request's dropped HTTP span, when its context was not entered (`detachUnsampledRoots`). */
	readonly detachedSpan?: Span | undefined;
}

/** What a traced MCP request gives back: the problem it answered with, if it failed. */
export interface McpOutcome {
	readonly problem?: Problem | undefined;
}

/** The JSON-RPC error code the MCP SDK answers a thrown error with (its own, else -32603). */
const INTERNAL_ERROR = -32603;

/**
 * Runs one MCP request in a span named `<method> <tool>` (`tools/call todo_list`) with the MCP
 * semantic conventions' `mcp.method.name`, `gen_ai.tool.name` and `jsonrpc.request.id`, the
 * span of the operation it calls its child. Its parent is the caller's `_meta.traceparent`
 * (a SERVER span, linked to the request's HTTP span if there is one), else the request's HTTP
 * span (INTERNAL), else none (stdio: a SERVER root). Under a span the sampler dropped nothing
 * is asked of the SDK (a parent-based sampler would drop this one too): the request runs in
 * that span's context, or beside the detached one, where the operation finds it.
 *
 * A problem answered is recorded as `charter.problem.code` and `charter.problem.status`; a
 * server fault (5xx, or a thrown error) marks the span failed with `error.type` (`tool_error`,
 * or the JSON-RPC error code). A refusal (4xx) is the caller's mistake, not a failure of this
 * server, as on the operation span.
 */
export function traceMcpRequest<T extends McpOutcome>(
	tracer: Tracer,
	request: TracedMcpRequest,
	run: (detachedSpan?: Span) => Promise<T>,
): Promise<T> {
	const active = context.active();
	const ambient = trace.getSpan(active) ?? request.detachedSpan;
	const caller = parseTraceparent(request.traceparent);
	if (caller === undefined && ambient !== undefined && droppedBySampler(ambient)) return run();
	const parent = caller !== undefined ? trace.setSpanContext(active, caller) : active;
	const span = tracer.startSpan(
		request.tool === undefined ? request.method : `${request.method} ${request.tool}`,
		{
			kind: caller === undefined && ambient !== undefined ? SpanKind.INTERNAL : SpanKind.SERVER,
			attributes: {
				'mcp.method.name': request.method,
				...(request.tool !== undefined ? { 'gen_ai.tool.name': request.tool } : {}),
				...(request.id !== undefined ? { 'jsonrpc.request.id': String(request.id) } : {}),
			},
			...(caller !== undefined && ambient !== undefined && isSpanContextValid(ambient.spanContext())
				? { links: [{ context: ambient.spanContext() }] }
				: {}),
		},
		parent,
	);
	// A root the sampler dropped, under detachUnsampledRoots: run outside any trace context, as
	// the HTTP request it came in was (entering one turns Node's async hooks on); the operation
	// stands on this span instead of asking for a root of its own.
	if (!entersContext(tracer, span, caller !== undefined || ambient !== undefined)) return run(span);
	// Entered even when dropped: the operation under it follows its sampling decision.
	return context.with(trace.setSpan(parent, span), run).then(
		(value) => {
			if (value.problem !== undefined && span.isRecording()) answered(span, value.problem);
			span.end();
			return value;
		},
		(error: unknown) => {
			const code = (error as { code?: unknown } | undefined)?.code;
			const rpcCode = String(Number.isSafeInteger(code) ? code : INTERNAL_ERROR);
			span.setAttributes({ 'error.type': rpcCode, 'rpc.response.status_code': rpcCode });
			span.setStatus({
				code: SpanStatusCode.ERROR,
				message: error instanceof Error ? error.message : String(error),
			});
			span.end();
			throw error;
		},
	);
}

/** Records the problem a tool answered with (`isError`); only a server fault fails the span. */
function answered(span: Span, problem: Problem): void {
	span.setAttributes({
		'charter.problem.code': problem.code,
		'charter.problem.status': problem.status,
	});
	if (problem.status >= 500) {
		span.setAttribute('error.type', 'tool_error');
		span.setStatus({ code: SpanStatusCode.ERROR, message: problem.code });
	}
}
