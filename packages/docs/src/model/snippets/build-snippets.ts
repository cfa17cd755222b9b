import type { OperationSpec, WireNames } from '@charter/spec';
import type { Snippets } from '../page-model.ts';
import { CLIENT_PACKAGE } from './client-package.ts';
import { graphqlDocument } from './graphql-snippet.ts';
import { jsLiteral } from './js-literal.ts';
import { restCall, restUrl } from './rest-call.ts';

/** Where the snippets point, and where the contract is imported from. */
export interface SnippetOptions {
	/** Base URL of the running service; `http://localhost:3000` by default. */
	readonly baseUrl?: string;
	/** The contract's module, relative to the project root. */
	readonly file?: string;
	readonly exportName?: string;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
const AUTH = '-H "Authorization: Bearer $TOKEN"';

/**
 * Writes every ready-to-run call of an operation from one input: curl on the REST route, the
 * typed TypeScript client, a GraphQL operation with its variables, and an MCP `tools/call`
 * over HTTP. All four send the same input to the same operation.
 */
export function buildSnippets(
	spec: OperationSpec,
	wire: WireNames,
	input: unknown,
	options: SnippetOptions = {},
): Snippets {
	const baseUrl = (options.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
	return {
		curl: curlSnippet(spec, wire, input, baseUrl),
		typescript: clientSnippet(input, baseUrl, options),
		graphql: graphqlDocument(spec, wire, input),
		mcp: mcpSnippet(wire, input, baseUrl),
	};
}

function curlSnippet(
	spec: OperationSpec,
	wire: WireNames,
	input: unknown,
	baseUrl: string,
): string {
	const call = restCall(spec, wire, input);
	const lines = [`curl -X ${call.method} ${shellQuote(restUrl(baseUrl, call))}`, AUTH];
	if (call.body !== undefined) {
		lines.push(`-H 'Content-Type: application/json'`);
		lines.push(`-d ${shellQuote(JSON.stringify(call.body))}`);
	}
	return lines.join(' \\\n  ');
}

function clientSnippet(input: unknown, baseUrl: string, options: SnippetOptions): string {
	const name = options.exportName ?? 'contract';
	const from = options.file ? `./${options.file.replace(/^\.\//, '')}` : './contracts.ts';
	return [
		`import { createClient } from '${CLIENT_PACKAGE}';`,
		`import { ${name} } from '${from}';`,
		'',
		`const client = createClient([${name}], {`,
		`\tbaseUrl: '${baseUrl}',`,
		'\ttoken: process.env.TOKEN,',
		'});',
		`const result = await client.call(${name}, ${jsLiteral(input, 0)});`,
		'console.log(JSON.stringify(result, null, 2));',
	].join('\n');
}

function mcpSnippet(wire: WireNames, input: unknown, baseUrl: string): string {
	const objectInput = typeof input === 'object' && input !== null && !Array.isArray(input);
	const request = {
		jsonrpc: '2.0',
		id: 1,
		method: 'tools/call',
		params: { name: wire.mcp.tool, arguments: objectInput ? input : { input } },
	};
	return [
		`curl -X POST ${shellQuote(`${baseUrl}/mcp`)}`,
		AUTH,
		`-H 'Content-Type: application/json'`,
		`-H 'Accept: application/json, text/event-stream'`,
		`-d ${shellQuote(JSON.stringify(request))}`,
	].join(' \\\n  ');
}
