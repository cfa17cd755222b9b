import { buildDocsModel, renderMarkdownPage } from '@charter/docs';
import { type DocsRenderer, serveMcpStdio } from '@charter/mcp';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { loadApp } from '../host/load-app.ts';
import { type Host, openHost } from '../host/open-host.ts';
import { resolveServerSettings } from '../host/server-settings.ts';
import { describeTracing, startTracing } from '../host/tracing.ts';
import type { Project } from '../project/load-project.ts';
import {
	loadProjectOrFail,
	reportDiagnostics,
	unimplementedMode,
} from '../project/project-command.ts';

/**
 * `charter mcp`: the project's operations as MCP tools over stdio, for an editor or an agent.
 * stdout carries the protocol, so everything else goes to stderr.
 */
export const mcpCommand: Command = {
	name: 'mcp',
	usage: [
		'charter mcp [--token TOKEN] [--db URL] [--body-limit SIZE] [--unimplemented 501|fail]',
		'            [--tracing] [--tracing-unsampled auto|propagate|detach] [--config FILE]',
		'',
		'Calls run as the principal of TOKEN (or $CHARTER_TOKEN), resolved like a bearer token on',
		'HTTP; anonymous without one. Data is the same as `charter serve` (--db, $CHARTER_DB).',
		'A line (one message) over the body limit of `charter serve` (default 1 MiB), a batch or',
		'a line that is not JSON-RPC is answered with a JSON-RPC error; the server keeps serving.',
		'--tracing ($CHARTER_TRACING) makes each tool call a span, its operation span under it, with',
		'the SDK and settings of `charter serve --tracing`; a caller continues its trace by sending',
		'params._meta.traceparent.',
		'Editor config: { "command": "npx", "args": ["charter", "mcp"], "env": { "CHARTER_TOKEN": "..." } }',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, {
			boolean: ['tracing'],
			string: ['token', 'db', 'body-limit', 'unimplemented', 'config', 'tracing-unsampled'],
		});
		// Only protocol messages on stdout: the console (a handler's console.log, the OpenTelemetry
		// SDK's diagnostics under OTEL_LOG_LEVEL, its console exporter) prints to stderr. The global
		// console reads `_stdout` on every write, so methods saved before this (the SDK's) follow.
		(console as unknown as { _stdout: NodeJS.WritableStream })._stdout = process.stderr;
		const project = await loadProjectOrFail(cwd, flags.string.config, { bundle: false });
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			return ExitCode.findings;
		}
		const { settings } = resolveServerSettings(flags, process.env, project.config.server);
		const unimplemented = unimplementedMode(flags.string.unimplemented, project.config);
		const definition = await loadApp(project, unimplemented);
		const { db } = settings;
		const tracing = settings.tracing ? await startTracing(settings.tracingUnsampled) : undefined;
		const traced = tracing ? { tracer: tracing.tracer } : {};
		let host: Host;
		try {
			host = await openHost(project, definition, {
				...(db ? { db } : {}),
				seed: false,
				unimplemented,
				auth: settings,
				...traced,
			});
		} catch (error) {
			await tracing?.shutdown();
			const code = (error as { code?: unknown }).code;
			if (typeof code === 'string' && code.startsWith('CHARTER_'))
				throw new UsageError((error as Error).message, code);
			throw error;
		}
		const token = flags.string.token ?? process.env.CHARTER_TOKEN;
		const server = await serveMcpStdio(host.executor, project.registry, {
			name: project.config.title ?? 'charter',
			metadata: token ? { headers: { authorization: `Bearer ${token}` } } : {},
			docs: markdownPages(project),
			bodyLimit: settings.bodyLimit,
			...traced,
		});
		out.error(
			`charter mcp: ${host.executor.plans.length} tools on stdio${token ? '' : ' (anonymous)'}`,
		);
		if (tracing) out.error(describeTracing(tracing));
		await new Promise<void>((resolve) => {
			process.stdin.once('end', resolve);
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		await server.close();
		await host.close();
		// Flushes the spans the SDK still holds.
		await tracing?.shutdown();
		return ExitCode.ok;
	},
};

/** Renders each contract's docs page as Markdown, for the MCP resources. */
function markdownPages(project: Project): DocsRenderer {
	const model = buildDocsModel(project.registry, { title: project.config.title ?? 'Contracts' });
	const pages = new Map<string, string>();
	for (const page of [...model.operations, ...model.events])
		pages.set(`${page.key}@${page.version}`, renderMarkdownPage(page));
	return (spec) => pages.get(`${spec.meta.key}@${spec.meta.version}`);
}
