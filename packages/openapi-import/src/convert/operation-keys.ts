// Operation keys, and the GraphQL field and MCP tool names derived from them: unique in the
// import, with every collision reported.
import type { JsonObject } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import { keySegment, NameAllocator, words } from './naming.ts';

/** Gives each operation a unique key, and wire names where the key's defaults collide. */
export class OperationKeys {
	readonly #keys = new NameAllocator();
	readonly #graphql = new NameAllocator();
	readonly #mcp = new NameAllocator();

	constructor(
		private readonly report: ImportReport,
		private readonly version: string,
	) {}

	/** Claims the key of an operation: from its `operationId`, else from its path and method. */
	key(op: JsonObject, method: string, path: string, group: string, pointer: string): string {
		let key: string;
		if (typeof op.operationId === 'string' && op.operationId.trim()) {
			const segments = op.operationId
				.split(/[/.:\s]+/)
				.filter((s) => words(s).length > 0)
				.map(keySegment);
			key = segments.length > 1 ? segments.join('.') : `${group}.${segments[0] ?? 'op'}`;
		} else {
			const parts = path
				.split('/')
				.filter(Boolean)
				.map((s) => (s.startsWith('{') ? `by-${keySegment(s)}` : keySegment(s)));
			key = [...(parts.length > 0 ? parts : ['root']), method].join('.');
		}
		const claimed = this.#keys.claim(key, '-');
		if (claimed !== key) {
			this.report.add(
				'key-collision',
				pointer,
				`key ${key} is taken by another operation; this one is ${claimed}`,
			);
		}
		return claimed;
	}

	/** GraphQL field and MCP tool overrides, when the key's defaults collide with another's. */
	wire(key: string, pointer: string): { graphqlField?: string; mcpTool?: string } {
		const parts = key.split(/[.\-_]/).filter(Boolean);
		const camel = parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
		const major = Number(this.version.split('.')[0]);
		const field = major >= 2 ? `${camel}V${major}` : camel;
		const suffix = major >= 2 ? `_v${major}` : '';
		const tool =
			parts
				.join('_')
				.slice(0, 64 - suffix.length)
				.replace(/_+$/, '') + suffix;
		const out: { graphqlField?: string; mcpTool?: string } = {};
		const gotField = this.#graphql.claim(field);
		if (gotField !== field) {
			out.graphqlField = gotField;
			this.report.add(
				'key-collision',
				pointer,
				`GraphQL field ${field} is taken; this operation uses ${gotField}`,
			);
		}
		let gotTool = this.#mcp.claim(tool, '_');
		if (gotTool.length > 64) gotTool = this.#mcp.claim(tool.slice(0, 58), '_');
		if (gotTool !== tool) {
			out.mcpTool = gotTool;
			this.report.add(
				'key-collision',
				pointer,
				`MCP tool ${tool} is taken; this operation uses ${gotTool}`,
			);
		}
		return out;
	}
}
