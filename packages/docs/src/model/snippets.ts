import { isObjectRoot, type TypeNode } from '@charter/schema';
import { type OperationSpec, pathParameters, type WireNames } from '@charter/spec';
import type { Snippets } from './page-model.ts';

/** Where the snippets point, and how the client is imported. */
export interface SnippetOptions {
	/** Base URL of the running service; `http://localhost:3000` by default. */
	readonly baseUrl?: string;
	readonly file?: string;
	readonly exportName?: string;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** Writes ready-to-copy calls: curl on the REST path, the typed client, a GraphQL operation. */
export function buildSnippets(
	spec: OperationSpec,
	wire: WireNames,
	input: unknown,
	options: SnippetOptions = {},
): Snippets {
	const baseUrl = options.baseUrl ?? 'http://localhost:3000';
	return {
		curl: curlSnippet(spec, wire, input, baseUrl),
		client: clientSnippet(spec, input, baseUrl, options),
		graphql: graphqlSnippet(spec, wire, input),
	};
}

function curlSnippet(
	spec: OperationSpec,
	wire: WireNames,
	input: unknown,
	baseUrl: string,
): string {
	// An object input goes member by member; any other input whole: the body, or `?input=`.
	const whole = !isObjectRoot(spec.io.input);
	const body: Record<string, unknown> =
		!whole && typeof input === 'object' && input !== null
			? { ...(input as Record<string, unknown>) }
			: {};
	let path = wire.rest.path;
	for (const name of pathParameters(path)) {
		path = path.replace(`{${name}}`, encodeURIComponent(String(body[name] ?? `{${name}}`)));
		delete body[name];
	}
	const lines: string[] = [];
	if (wire.rest.method === 'GET') {
		const query = new URLSearchParams();
		for (const [name, value] of whole ? [['input', input] as const] : Object.entries(body)) {
			for (const item of Array.isArray(value) ? value : [value]) {
				if (item !== null && item !== undefined && typeof item !== 'object') {
					query.append(name, String(item));
				}
			}
		}
		const qs = query.toString();
		lines.push(
			`curl -X ${wire.rest.method} ${shellQuote(`${baseUrl}${path}${qs ? `?${qs}` : ''}`)}`,
		);
		lines.push(`-H "Authorization: Bearer $TOKEN"`);
	} else {
		lines.push(`curl -X ${wire.rest.method} ${shellQuote(`${baseUrl}${path}`)}`);
		lines.push(`-H "Authorization: Bearer $TOKEN"`);
		lines.push(`-H 'Content-Type: application/json'`);
		if (spec.kind === 'command') lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
		lines.push(`-d ${shellQuote(JSON.stringify(whole ? (input ?? null) : body))}`);
	}
	return lines.join(' \\\n  ');
}

function clientSnippet(
	spec: OperationSpec,
	input: unknown,
	baseUrl: string,
	options: SnippetOptions,
): string {
	const name = options.exportName ?? 'contract';
	const from = options.file ? `./${options.file}` : './contracts.ts';
	return [
		"import { createClient } from '@charter/rest';",
		`import { ${name} } from '${from}';`,
		'',
		`const client = createClient({ baseUrl: '${baseUrl}', token: process.env.TOKEN });`,
		`const result = await client.call(${name}, ${JSON.stringify(input, null, 2)});`,
		`// result is typed from ${spec.meta.key}@${spec.meta.version}'s output`,
	].join('\n');
}

function graphqlSnippet(spec: OperationSpec, wire: WireNames, input: unknown): string {
	const operation = wire.graphql.type === 'Query' ? 'query' : 'mutation';
	const field = wire.graphql.field;
	const opName = field[0]!.toUpperCase() + field.slice(1);
	const inputType = 'name' in spec.io.input && spec.io.input.name ? spec.io.input.name : 'JSON';
	const selection = selectionSet(spec.io.output, 1);
	return [
		`${operation} ${opName}($input: ${inputType}!) {`,
		`  ${field}(input: $input)${selection ? ` ${selection}` : ''}`,
		'}',
		'',
		'# variables',
		JSON.stringify({ input }, null, 2),
	].join('\n');
}

/** Selects leaf fields, and nested models two levels deep; unions need fragments and are left out. */
function selectionSet(node: TypeNode, depth: number): string {
	const target = node.kind === 'array' ? node.items : node;
	if (target.kind !== 'model') return '';
	const pad = '  '.repeat(depth + 1);
	const lines: string[] = [];
	for (const [name, field] of Object.entries(target.fields)) {
		const type = field.type.kind === 'array' ? field.type.items : field.type;
		if (type.kind === 'model') {
			if (depth < 2) lines.push(`${pad}${name} ${selectionSet(type, depth + 1)}`);
		} else if (type.kind !== 'union') {
			lines.push(`${pad}${name}`);
		}
	}
	return lines.length > 0 ? `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}` : '';
}
