import { UNSAFE_KEYS } from '@charter/runtime';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/** Why one JSON-RPC message (an HTTP body, a stdio line) was refused before the SDK saw it. */
export interface EnvelopeRefusal {
	readonly code: number;
	readonly message: string;
}

/**
 * Parses the text of one JSON-RPC message and refuses what the MCP SDK handles badly: text
 * that is not JSON (-32700), a batch (-32600: batches left JSON-RPC over MCP in 2025-06-18,
 * and one batch of a hundred tools/list answered a hundred catalogues), anything but a
 * JSON-RPC 2.0 object (-32600), and methods named like `Object.prototype` keys (-32601; the
 * SDK looks methods up by name and `__proto__` made it fail without an answer).
 */
export function parseEnvelope(
	text: string,
): { readonly message: object } | { readonly refusal: EnvelopeRefusal } {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return refuse(ErrorCode.ParseError, 'Parse error: the message is not valid JSON');
	}
	if (Array.isArray(body))
		return refuse(
			ErrorCode.InvalidRequest,
			'Invalid Request: send one JSON-RPC message at a time, not a batch',
		);
	if (
		typeof body !== 'object' ||
		body === null ||
		(body as { jsonrpc?: unknown }).jsonrpc !== '2.0'
	)
		return refuse(ErrorCode.InvalidRequest, 'Invalid Request: not a JSON-RPC 2.0 message');
	const method = (body as { method?: unknown }).method;
	if (typeof method === 'string' && UNSAFE_KEYS.has(method))
		return refuse(ErrorCode.MethodNotFound, 'Method not found');
	return { message: body };
}

function refuse(code: number, message: string): { readonly refusal: EnvelopeRefusal } {
	return { refusal: { code, message } };
}
