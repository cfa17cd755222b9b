import { context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { entersContext } from './unsampled-roots.ts';

/** The JSON-RPC request an MCP span covers. */
export interface TracedMcpRequest {
	/** The MCP method (`tools/call`). */
	readonly method: string;
	/** The tool a `tools/call` names. */
	readonly tool?: string;
	readonly id?: string | number;
}

/**
 * Runs one MCP request in a span named `<method> <tool>` (`tools/call todo_list`) with the MCP
 * semantic conventions' `mcp.method.name`, `gen_ai.tool.name` and `jsonrpc.request.id`, the
 * span of the operation it calls its child. Under the request's HTTP span it is INTERNAL, on
 * its own (stdio) a SERVER span. Under a span the sampler dropped nothing is asked of the SDK
 * (a parent-based sampler would drop this one too): the request runs in that span's context.
 */
export function traceMcpRequest<T>(
	tracer: Tracer,
	request: TracedMcpRequest,
	run: () => Promise<T>,
): Promise<T> {
	const active = context.active();
	const parent = trace.getSpan(active);
	if (parent !== undefined && !parent.isRecording()) return run();
	const span = tracer.startSpan(
		request.tool === undefined ? request.method : `${request.method} ${request.tool}`,
		{
			kind: parent === undefined ? SpanKind.SERVER : SpanKind.INTERNAL,
			attributes: {
				'mcp.method.name': request.method,
				...(request.tool !== undefined ? { 'gen_ai.tool.name': request.tool } : {}),
				...(request.id !== undefined ? { 'jsonrpc.request.id': String(request.id) } : {}),
			},
		},
		active,
	);
	// A root the sampler dropped, under detachUnsampledRoots: run outside any trace context, as
	// the HTTP request it came in was (entering one turns Node's async hooks on).
	if (!entersContext(tracer, span, parent !== undefined)) return run();
	// Entered even when dropped: the operation under it follows its sampling decision.
	return context.with(trace.setSpan(active, span), run).then(
		(value) => {
			span.end();
			return value;
		},
		(error: unknown) => {
			span.setStatus({
				code: SpanStatusCode.ERROR,
				message: error instanceof Error ? error.message : String(error),
			});
			span.end();
			throw error;
		},
	);
}
