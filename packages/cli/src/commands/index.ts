import type { Command } from '../command.ts';

/** A command as `charter --help` lists it; its module loads only when the command runs. */
export interface CommandEntry {
	readonly name: string;
	/** One line for `charter --help`. */
	readonly summary: string;
	load(): Promise<Command>;
}

/**
 * Every command, in the order `charter --help` lists them. Modules load lazily, so a command
 * only pays for what it uses (`charter list` never loads the HTTP servers). To add one, write
 * `commands/<name>.ts` exporting a {@link Command} and add an entry here.
 */
export const commands: readonly CommandEntry[] = [
	{
		name: 'init',
		summary: 'Create a new project: config, package.json, tsconfig, a sample contract and handlers',
		load: async () => (await import('./init.ts')).initCommand,
	},
	{
		name: 'new',
		summary: 'Create a command, query or event contract module from a template',
		load: async () => (await import('./new.ts')).newCommand,
	},
	{
		name: 'list',
		summary: 'List the contracts of the project',
		load: async () => (await import('./list.ts')).listCommand,
	},
	{
		name: 'inspect',
		summary: 'Show one contract: meta, wire names, policy, errors, events, schemas',
		load: async () => (await import('./inspect.ts')).inspectCommand,
	},
	{
		name: 'snapshot',
		summary: 'Write contracts.lock.json, or --check that it is current',
		load: async () => (await import('./snapshot.ts')).snapshotCommand,
	},
	{
		name: 'doctor',
		summary: 'Check Node.js, the config, contract modules, the lockfile and tsconfig',
		load: async () => (await import('./doctor.ts')).doctorCommand,
	},
	{
		name: 'serve',
		summary: 'Serve REST, OpenAPI, GraphQL, MCP and the docs site over SQLite (or PostgreSQL)',
		load: async () => (await import('./serve.ts')).serveCommand,
	},
	{
		name: 'studio',
		summary: 'Serve Studio on this machine against a running server (--url)',
		load: async () => (await import('./studio.ts')).studioCommand,
	},
	{
		name: 'build',
		summary: 'Compile the config, contracts and handlers into build/server.mjs for production',
		load: async () => (await import('./build.ts')).buildCommand,
	},
	{
		name: 'mcp',
		summary: 'Serve the operations as MCP tools over stdio (for editors and agents)',
		load: async () => (await import('./mcp.ts')).mcpCommand,
	},
	{
		name: 'audit',
		summary: 'Show the newest audit records (`audit tail`, with --follow to keep watching)',
		load: async () => (await import('./audit.ts')).auditCommand,
	},
	{
		name: 'test',
		summary: 'Run every acceptance example against the bound handlers',
		load: async () => (await import('./test.ts')).testCommand,
	},
	{
		name: 'generate',
		summary: 'Generate artifacts from the contracts (openapi, graphql, client, docs)',
		load: async () => (await import('./generate.ts')).generateCommand,
	},
	{
		name: 'docs',
		summary: 'Serve the docs site at http://127.0.0.1:PORT/docs/',
		load: async () => (await import('./docs.ts')).docsCommand,
	},
	{
		name: 'check',
		summary: 'Check the contracts against the governance rules',
		load: async () => (await import('./check.ts')).checkCommand,
	},
	{
		name: 'diff',
		summary:
			'Compare the contracts with a base lockfile or git ref (breaking changes, version policy)',
		load: async () => (await import('./diff.ts')).diffCommand,
	},
	{
		name: 'version',
		summary: 'Suggest the minimum version bump of each changed contract',
		load: async () => (await import('./version.ts')).versionCommand,
	},
	{
		name: 'ci',
		summary: 'Run check, snapshot --check, generate --check and diff in one report',
		load: async () => (await import('./ci.ts')).ciCommand,
	},
	{
		name: 'openapi',
		summary: 'Import an OpenAPI 3.0 / 3.1 description as contracts',
		load: async () => (await import('./openapi.ts')).openapiCommand,
	},
];
