import { compileValidator, type Validator } from '@charter/schema';
import {
	type ContractRegistry,
	deprecationNotice,
	findWireCollisions,
	type OperationSpec,
	servedWithoutFiles,
	wireNames,
} from '@charter/spec';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { toolInputSchema, toolOutputSchema } from './tool-schemas.ts';

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A served operation as an MCP tool, with what the call path needs. */
export interface ToolBinding {
	readonly tool: Tool;
	readonly spec: OperationSpec;
	/** The input arrives as `arguments.input` (its root is not an object). */
	readonly wrapsInput: boolean;
	/** The output is returned as `{ result }` (its root is not an object). */
	readonly wrapsOutput: boolean;
	/** The contract's output validator, run on every structured result. */
	readonly output: Validator<unknown>;
}

/** Signals two operations claiming one MCP tool name. */
export class McpToolNameCollision extends Error {
	override readonly name = 'McpToolNameCollision';
	readonly code = 'CHARTER_WIRE_NAME_COLLISION';
	constructor(message: string) {
		super(`[CHARTER_WIRE_NAME_COLLISION] ${message}. Rename one or set transport.mcp.tool.`);
	}
}

/**
 * Builds the tool of every served operation (one per key and major), compiled once: name from
 * `wireNames(spec).mcp.tool`, title and description from `meta`, input and output JSON Schema
 * 2020-12, and annotations (queries read-only and idempotent; commands by `idempotent` and
 * `destructive`). Sorted by name.
 */
export function buildToolCatalog(registry: ContractRegistry): Map<string, ToolBinding> {
	const served = servedWithoutFiles(registry);
	const [collision] = findWireCollisions(
		served.map((spec) => ({ spec })),
		['MCP tool'],
	);
	if (collision) throw new McpToolNameCollision(collision.message);
	const tools = new Map<string, ToolBinding>();
	for (const spec of served) {
		const name = wireNames(spec).mcp.tool;
		if (!TOOL_NAME.test(name)) {
			throw new Error(
				`[CHARTER_INVALID_OPTION] ${spec.meta.key}@${spec.meta.version}: MCP tool name "${name}" must be 1-64 letters, digits, "_" or "-". Fix transport.mcp.tool.`,
			);
		}
		const input = toolInputSchema(spec.io.input);
		const output = toolOutputSchema(spec.io.output);
		const query = spec.kind === 'query';
		tools.set(name, {
			spec,
			wrapsInput: input.wrapped,
			wrapsOutput: output.wrapped,
			output: compileValidator(spec.io.output, { unknownKeys: 'reject' }),
			tool: {
				name,
				title: spec.meta.title ?? titleOf(spec.meta.key),
				description: describe(spec, input.wrapped, output.wrapped),
				inputSchema: input.schema as Tool['inputSchema'],
				outputSchema: output.schema as Tool['outputSchema'],
				annotations: {
					title: spec.meta.title ?? titleOf(spec.meta.key),
					readOnlyHint: query,
					idempotentHint: query || spec.idempotent,
					destructiveHint: !query && spec.destructive,
					openWorldHint: false,
				},
			},
		});
	}
	return new Map([...tools.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function describe(spec: OperationSpec, wrapsInput: boolean, wrapsOutput: boolean): string {
	const { description, goal, context } = spec.meta;
	const auth =
		spec.policy.auth === 'anonymous' && !spec.policy.roles && spec.policy.tenant !== 'required'
			? 'Open to anonymous callers.'
			: `Requires an authenticated ${spec.policy.auth === 'admin' ? 'admin' : 'caller'}${spec.policy.roles?.allOf?.length ? ` with role(s) ${spec.policy.roles.allOf.join(', ')}` : ''}.`;
	const deprecated = deprecationNotice(spec.meta);
	return [
		deprecated && `Deprecated: ${deprecated}`,
		description ?? `${spec.kind === 'query' ? 'Reads' : 'Runs'} ${spec.meta.key}.`,
		goal && `Goal: ${goal}`,
		context && `Context: ${context}`,
		auth,
		wrapsInput && 'Pass the input as the "input" argument.',
		wrapsOutput && 'The result is under "result".',
		`Contract ${spec.meta.key}@${spec.meta.version}. A failure returns isError with an RFC 9457 problem.`,
	]
		.filter(Boolean)
		.join('\n\n');
}

/** Makes a title from a key: `workflow.instance.pause` -> `Workflow instance pause`. */
function titleOf(key: string): string {
	const text = key
		.split(/[.\-_]/)
		.filter(Boolean)
		.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
