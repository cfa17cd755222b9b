import { createServer, type Server } from 'node:http';
import type { SiteFiles } from '@charter/docs';
import { atPath, type NodeMount, type ServerTimeouts } from '@charter/rest';
import { busCheck, createReadiness, type OriginPolicy, type RateLimitRule } from '@charter/runtime';
import { createCharterServer, metricsEndpoint, sqlStoreChecks } from '@charter/server';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { deferredDocs } from '../host/deferred-docs.ts';
import { drainServer, trackEventStreams } from '../host/drain-server.ts';
import { loadApp } from '../host/load-app.ts';
import { type Host, openHost } from '../host/open-host.ts';
import { type RateLimitSettings, resolveRateLimits } from '../host/rate-limit-settings.ts';
import {
	printableSettings,
	resolveServerSettings,
	SETTING_FLAGS,
	type ServerSettings,
	type SettingSources,
} from '../host/server-settings.ts';
import { describeTracing, registeredMeter, startTracing } from '../host/tracing.ts';
import { waitForSignal } from '../host/wait-for-signal.ts';
import { projectRoot, watchServe } from '../host/watch-serve.ts';
import type { Output } from '../output/output.ts';
import { builtProject } from '../project/built-project.ts';
import {
	loadProjectOrFail,
	reportDiagnostics,
	unimplementedMode,
} from '../project/project-command.ts';

/** `charter serve`: every surface of the project on one port, over durable stores. */
export const serveCommand: Command = {
	name: 'serve',
	usage: [
		'charter serve [--port N] [--host HOST] [--db URL] [--bus URL] [--bus-stream NAME]',
		'              [--timeout MS] [--idempotency-lease MS] [--idempotency-retention MS]',
		'              [--unimplemented 501|fail] [--no-seed] [--log-level LEVEL] [--config FILE]',
		'              [--rate-limit off|ADDRESS[,PRINCIPAL]] [--rate-limit-store memory|redis://...]',
		'              [--headers-timeout MS] [--request-timeout MS] [--keep-alive-timeout MS]',
		'              [--allowed-hosts H,...|*] [--allowed-origins URL,...|*]',
		'              [--cors ORIGINS] [--body-limit SIZE] [--drain-timeout MS] [--metrics]',
		'              [--metrics-port N] [--tracing] [--tracing-unsampled auto|propagate|detach]',
		'              [--jwt-issuer URL --jwt-audience AUD,...]',
		'              [--jwt-jwks-url URL] [--print-config] [--watch]',
		'',
		'Serves REST under /v1, /openapi.json, /graphql, /mcp, /docs, /studio and /healthz. Data lives in',
		'.charter/charter.db by default; --db postgres://... uses PostgreSQL. --bus nats://...',
		'publishes events on NATS JetStream, in the stream --bus-stream (CHARTER_EVENTS by default;',
		'subjects charter.<name>.<event>). Several nodes on one database and bus act as one.',
		'--timeout bounds a call (30000 ms); --idempotency-lease is how long the claim of a node',
		'that died mid-call blocks retries of its key (twice --timeout by default; keep it above);',
		'--idempotency-retention is how long a key replays its result (86400000 ms: 24 hours).',
		'PORT, CHARTER_DB, CHARTER_BUS and CHARTER_BUS_STREAM set the defaults. A fresh database',
		"gets the app's demo data unless --no-seed. --unimplemented 501 answers operations without a",
		'handler with 501 problems instead of refusing to start (config: unimplemented; an imported',
		"project's config sets 501).",
		'Rate limits are on: 1200 calls a minute per client address (counted before authentication)',
		'and 600 per principal, answered 429 with Retry-After; --rate-limit sets both a minute, or off',
		'(CHARTER_RATE_LIMIT; config: rateLimits, with per-operation rules). --rate-limit-store',
		'redis://host:6379 (CHARTER_RATE_LIMIT_STORE) counts in Redis, so the limits hold across nodes.',
		'A client must send its headers within --headers-timeout (10000 ms) and its whole request',
		'within --request-timeout (30000 ms), or it gets 408 and is disconnected (slow clients cannot',
		'hold sockets); an idle keep-alive connection closes after --keep-alive-timeout (5000 ms).',
		'Requests whose Host is not one the server answers to, or whose Origin is neither the server',
		'nor an allowed origin, are 403 on every surface (DNS rebinding). On a loopback --host only',
		'localhost, 127.0.0.1 and [::1] are accepted hosts; on others any, unless --allowed-hosts',
		'(CHARTER_ALLOWED_HOSTS) lists them. --allowed-origins (CHARTER_ALLOWED_ORIGINS) adds origins.',
		'Logs go to stderr: JSON lines (pretty on a terminal), one per request, from --log-level',
		'(CHARTER_LOG_LEVEL; debug, info, warn, error, silent; info by default), with tokens,',
		'Authorization and PII fields redacted.',
		'--cors https://app.example,https://admin.example (or *) lets browsers call from those origins;',
		'--body-limit caps request bodies (1mb). --metrics serves Prometheus text at /metrics to a bearer',
		'of CHARTER_METRICS_TOKEN, or on --metrics-port without one. --tracing makes OpenTelemetry spans',
		'per call (a preloaded SDK, else @opentelemetry/sdk-node configured by OTEL_*); when',
		'OTEL_TRACES_SAMPLER samples no root (always_off...), a request that brings no traceparent runs',
		'outside a trace context (--tracing-unsampled auto|propagate|detach decides). --jwt-issuer',
		'(CHARTER_JWT_ISSUER) verifies bearer tokens as JWTs of that issuer, for --jwt-audience, with',
		"keys from --jwt-jwks-url or OIDC discovery; without it the app's demo tokens are accepted,",
		'except when NODE_ENV=production (CHARTER_DEMO_TOKENS=true|false decides). SIGTERM and',
		'SIGINT drain: /readyz turns 503, in-flight requests get --drain-timeout (10000 ms), the outbox',
		"is flushed, stores close. Settings have CHARTER_* variables and keys in the config file's",
		'server section (flag over variable over config), checked at start; secrets may come from a',
		'file named by <VARIABLE>_FILE. --print-config shows the effective values, secrets masked, and',
		'where each came from. --watch (development) restarts the server when a file of the project',
		'changes (contracts, handlers, config), one line per restart; a start that fails waits for the',
		'next change. See docs/guides/operate/serve-and-deploy.md.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, {
			boolean: [...SETTING_FLAGS.boolean, 'print-config', 'watch'],
			string: [...SETTING_FLAGS.string, 'unimplemented', 'config'],
		});
		if (flags.boolean.watch && !flags.boolean['print-config']) {
			const root = projectRoot(cwd, flags.string.config);
			return watchServe(
				root,
				args.filter((arg) => arg !== '--watch'),
				out,
			);
		}
		const project = await loadProjectOrFail(cwd, flags.string.config, { bundle: false });
		const { settings, sources } = resolveServerSettings(flags, process.env, project.config.server);
		const { host, port, db, bus, busStream, logLevel } = settings;
		const rateLimits = resolveRateLimits(
			given(settings.rateLimit, sources.rateLimit),
			given(settings.rateLimitStore, sources.rateLimitStore),
			project.config.rateLimits,
		);
		if (flags.boolean['print-config']) {
			printSettings(out, settings, sources, rateLimits);
			return ExitCode.ok;
		}
		if (project.diagnostics.some((d) => d.severity === 'error')) {
			reportDiagnostics(out, project.diagnostics);
			out.error('fix the contracts above before serving them');
			return ExitCode.findings;
		}
		const unimplemented = unimplementedMode(flags.string.unimplemented, project.config);
		const definition = await loadApp(project, unimplemented);
		const timeouts: ServerTimeouts = {
			headersMs: settings.headersTimeoutMs,
			requestMs: settings.requestTimeoutMs,
			keepAliveMs: settings.keepAliveTimeoutMs,
		};
		const origins: OriginPolicy = {
			allowedHosts: settings.allowedHosts,
			...(settings.allowedOrigins ? { allowedOrigins: settings.allowedOrigins } : {}),
		};
		const timeoutMs = settings.timeoutMs;
		const leaseMs = settings.idempotencyLeaseMs;
		const retentionMs = settings.idempotencyRetentionMs;
		const tracing = settings.tracing ? await startTracing(settings.tracingUnsampled) : undefined;
		const meter = registeredMeter();
		// The site's snippets call this server, so it is built once the port is known, after
		// listening, in slices that leave the event loop free: /healthz and the API answer while
		// it is made (a 1,000-operation site takes seconds). Before listening only the guides are
		// checked (cheap), so a broken guide is still a usage error before anything is served;
		// from a build, `charter build` checked them already.
		if (builtProject() === undefined)
			await (await import('../generate/project-site.ts')).checkProjectGuides(project);
		const site = (baseUrl: string): Promise<SiteFiles> =>
			import('../generate/project-site.ts').then((m) =>
				m.buildProjectSite(project, { baseUrl, inSlices: true }),
			);
		let docs: NodeMount = () => false;
		let hostApp: Host;
		try {
			hostApp = await openHost(project, definition, {
				...(db ? { db } : {}),
				...(bus ? { bus } : {}),
				...(busStream ? { busStream } : {}),
				...(timeoutMs !== undefined ? { timeoutMs } : {}),
				...(leaseMs !== undefined ? { idempotencyLeaseMs: leaseMs } : {}),
				...(retentionMs !== undefined ? { idempotencyRetentionMs: retentionMs } : {}),
				logLevel,
				seed: settings.seed,
				metrics: settings.metrics,
				...(meter ? { meter } : {}),
				...(tracing ? { tracer: tracing.tracer } : {}),
				unimplemented,
				rateLimits: rateLimits.limits,
				auth: settings,
				...(rateLimits.storeUrl !== undefined ? { rateLimitStore: rateLimits.storeUrl } : {}),
			});
		} catch (error) {
			await tracing?.shutdown();
			const code = (error as { code?: unknown }).code;
			if (typeof code === 'string' && code.startsWith('CHARTER_'))
				throw new UsageError((error as Error).message, code);
			throw error;
		}
		const { executor } = hostApp;
		const title = project.config.title ?? 'Charter API';
		const readiness = createReadiness({
			checks: [
				...sqlStoreChecks(hostApp.stores),
				...[busCheck(hostApp.bus)].filter((c) => c !== undefined),
			],
		});
		// Studio loads its app and catalogue on first use, or while the server warms up.
		const studio = async (): Promise<NodeMount> =>
			(await import('@charter/studio')).createStudio({
				executor,
				contextProvider: hostApp.contextProvider,
				stores: hostApp.stores,
				bus: hostApp.bus,
				relay: hostApp.relay,
				readiness,
				title,
				surfaces: { rest: '', graphql: '/graphql', mcp: '/mcp', docs: '/docs' },
				// The dev tokens are offered only while they are what authenticates callers.
				...(hostApp.tokenSource.kind === 'demo' ? { demoTokens: definition.tokens ?? {} } : {}),
				governance: async () =>
					(await import('../governance/governance-state.ts')).governanceState(project),
			});
		const metrics = hostApp.prometheus
			? metricsEndpoint(hostApp.prometheus, {
					...(settings.metricsToken !== undefined ? { token: settings.metricsToken } : {}),
				})
			: undefined;
		const onMainPort = metrics && settings.metricsPort === undefined;
		const rest = createCharterServer({
			executor,
			readiness,
			openapi: { title },
			accessLog: hostApp.logger,
			...(tracing ? { tracer: tracing.tracer } : {}),
			timeouts,
			originPolicy: origins,
			bodyLimit: settings.bodyLimit,
			...(settings.corsOrigins.length > 0 ? { cors: { origins: settings.corsOrigins } } : {}),
			graphql: { events: hostApp.bus, context: hostApp.contextProvider },
			mcp: { name: title },
			mounts: {
				...(onMainPort ? { '/metrics': atPath('/metrics', metrics) } : {}),
				'/docs': (request, response) => docs(request, response),
				'/studio': { load: studio },
			},
		});
		// Subscriptions and Studio's live view never end on their own: a drain ends them.
		const streams = trackEventStreams(rest.server);
		const metricsServer =
			metrics && settings.metricsPort !== undefined ? createServer(metrics) : undefined;
		let url: string;
		try {
			({ url } = await rest.listen(port, host));
			if (metricsServer) await listen(metricsServer, settings.metricsPort!, host);
		} catch (error) {
			rest.server.close();
			metricsServer?.close();
			await hostApp.close();
			await tracing?.shutdown();
			throw listenError(error, host);
		}
		docs = deferredDocs(() => site(url), hostApp.logger);
		// GraphQL, MCP and Studio are built while /healthz already answers; /readyz waits for them.
		try {
			await rest.warm();
		} catch (error) {
			await rest.close();
			metricsServer?.close();
			await hostApp.close();
			await tracing?.shutdown();
			throw error;
		}
		readiness.setPhase('ready');
		printBanner(out, url, hostApp, definition.tokens ?? {});
		if (metrics) {
			const at = metricsServer ? `http://${host}:${settings.metricsPort}` : url;
			const how = onMainPort ? ' (bearer CHARTER_METRICS_TOKEN)' : '';
			out.line(`Metrics: ${out.style.cyan(`${at}/metrics`)}${how}`);
		}
		if (tracing) out.line(out.style.dim(describeTracing(tracing)));
		if (meter)
			out.line(
				out.style.dim(
					'OpenTelemetry metrics: charter.calls, charter.call.duration... through the registered MeterProvider',
				),
			);
		out.line(out.style.dim(describeRateLimits(rateLimits)));
		await waitForSignal();
		readiness.setPhase('draining');
		out.line('\nshutting down: draining requests and the outbox…');
		await drainServer(rest.server, settings.drainTimeoutMs, streams);
		metricsServer?.close();
		readiness.setPhase('stopping');
		await hostApp.close();
		await tracing?.shutdown();
		out.line('stopped');
		exitIfStillHeld(out);
		return ExitCode.ok;
	},
};

/** How long the process may stay up after `stopped` before it is ended. */
const EXIT_GRACE_MS = 2000;

/**
 * Ends the process soon after a shutdown if something still holds it (a client of a lost
 * dependency still reconnecting: the NATS bus once did, and the process printed `stopped`
 * yet never exited). The timer is unref'd, so a process with nothing left open exits at once.
 */
function exitIfStillHeld(out: Output): void {
	setTimeout(() => {
		out.error(`charter serve: connections still open ${EXIT_GRACE_MS} ms after stopping; exiting`);
		process.exit();
	}, EXIT_GRACE_MS).unref();
}

function printBanner(
	out: Output,
	url: string,
	host: Host,
	tokens: Record<string, { id: string; description?: string }>,
) {
	const { style } = out;
	out.line(
		`${style.bold('charter serve')} ${style.dim(`(${host.stores.dialect}${host.seeded ? ', demo data loaded' : ''})`)}`,
	);
	out.line(`  REST      ${style.cyan(`${url}/v1/…`)}`);
	out.line(`  OpenAPI   ${style.cyan(`${url}/openapi.json`)}`);
	out.line(`  GraphQL   ${style.cyan(`${url}/graphql`)}`);
	out.line(`  MCP       ${style.cyan(`${url}/mcp`)}`);
	out.line(`  Docs      ${style.cyan(`${url}/docs/`)}`);
	out.line(`  Studio    ${style.cyan(`${url}/studio/`)} ${style.dim('(admin only)')}`);
	out.line(`  Health    ${style.cyan(`${url}/healthz`)}  ready: ${style.cyan(`${url}/readyz`)}`);
	const missing = host.executor.plans.filter((plan) => !plan.implemented).length;
	if (missing > 0)
		out.line(
			style.yellow(
				`\n${missing} of ${host.executor.plans.length} operations have no handler yet: they answer 501 NOT_IMPLEMENTED`,
			),
		);
	const source = host.tokenSource;
	const said = `\n${style.bold('Token source:')} ${source.description}`;
	out.line(source.kind === 'demo' || source.kind === 'none' ? style.yellow(said) : said);
	const entries = source.kind === 'demo' ? Object.entries(tokens) : [];
	if (entries.length > 0) {
		out.line(
			`\n${style.bold('Demo bearer tokens')} ${style.dim('(Authorization: Bearer <token>)')}`,
		);
		const width = Math.max(...entries.map(([token]) => token.length));
		for (const [token, principal] of entries) {
			out.line(`  ${token.padEnd(width)}  ${principal.description ?? principal.id}`);
		}
	}
	out.line(style.dim('\nCtrl-C stops the server after in-flight requests finish.'));
}

/** The effective settings, secrets masked, each with where it came from. */
function printSettings(
	out: Output,
	settings: ServerSettings,
	sources: SettingSources,
	rateLimits: RateLimitSettings,
) {
	const rows = printableSettings(settings, sources);
	const width = Math.max(...rows.map((r) => r.key.length));
	const valueWidth = Math.max(...rows.map((r) => r.value.length));
	for (const row of rows) {
		out.line(
			`${row.key.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${out.style.dim(row.source)}`,
		);
	}
	out.line(`${'rateLimits'.padEnd(width)}  ${describeRateLimits(rateLimits)}`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** A port in use or not ours to take is the operator's to fix: a usage error with a hint. */
function listenError(error: unknown, host: string): unknown {
	const { code, port } = error as { code?: string; port?: number };
	if (code === 'EADDRINUSE')
		return new UsageError(
			`port ${port} on ${host} is in use: stop what holds it, or pick another with --port (PORT, CHARTER_PORT; 0 picks a free one)`,
			'CHARTER_PORT_IN_USE',
		);
	if (code === 'EACCES')
		return new UsageError(
			`port ${port} on ${host} needs privileges this process lacks: use a port above 1023 with --port`,
			'CHARTER_PORT_DENIED',
		);
	if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
		return new UsageError(`--host ${host} is not an address of this machine`, 'CHARTER_BAD_HOST');
	return error;
}

/** One line saying which rate limits hold, for the banner. */
function describeRateLimits({ limits, storeUrl }: RateLimitSettings): string {
	if (limits === false) return 'Rate limits: off';
	const rule = (r: RateLimitRule | false | undefined, who: string) =>
		r ? `${r.limit} calls per ${r.windowMs / 1000} s per ${who}` : `none per ${who}`;
	const where = storeUrl === undefined ? 'in memory' : 'in Redis, shared by nodes';
	return `Rate limits: ${rule(limits.perAddress, 'address')}, ${rule(limits.perPrincipal, 'principal')} (${where})`;
}

/** A resolved setting with its source, or undefined when it was not given. */
function given(
	value: string | undefined,
	name: string,
): { value: string; name: string } | undefined {
	return value === undefined ? undefined : { value, name };
}
