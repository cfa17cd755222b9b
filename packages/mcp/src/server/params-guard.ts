import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
	CallToolRequestSchema,
	ErrorCode,
	InitializeRequestSchema,
	type JSONRPCMessage,
	ListResourcesRequestSchema,
	ListToolsRequestSchema,
	PingRequestSchema,
	ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

const SCHEMAS = {
	initialize: InitializeRequestSchema,
	ping: PingRequestSchema,
	'tools/call': CallToolRequestSchema,
	'tools/list': ListToolsRequestSchema,
	'resources/list': ListResourcesRequestSchema,
	'resources/read': ReadResourceRequestSchema,
} as const;

/**
 * Connects a server to a transport, answering requests whose params do not match the MCP
 * schema with `-32602 Invalid params` and a readable reason. (The SDK itself reports these
 * as `-32603 Internal error` with a raw schema dump.)
 *
 * @example
 * await connectGuarded(server, new StdioServerTransport());
 */
export async function connectGuarded(server: Server, transport: Transport): Promise<void> {
	await server.connect(transport);
	const inner = transport.onmessage;
	if (!inner) return;
	transport.onmessage = (message, extra) => {
		const refusal = checkParams(message);
		if (refusal) {
			void transport.send(refusal).catch(() => {});
			return;
		}
		inner(message, extra);
	};
}

function checkParams(message: JSONRPCMessage): JSONRPCMessage | undefined {
	const request = message as { id?: string | number; method?: unknown };
	if (request.id === undefined || typeof request.method !== 'string') return undefined;
	const schema = SCHEMAS[request.method as keyof typeof SCHEMAS];
	if (!schema) return undefined;
	const parsed = schema.safeParse(message);
	if (parsed.success) return undefined;
	const reasons = parsed.error.issues
		.slice(0, 5)
		.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
		.join('; ');
	return {
		jsonrpc: '2.0',
		id: request.id,
		error: {
			code: ErrorCode.InvalidParams,
			message: `Invalid params for ${request.method}: ${reasons}`,
		},
	};
}
