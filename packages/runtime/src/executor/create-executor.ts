import {
	type ContractRegistry,
	type ContractSpec,
	createRegistry,
	isOperationSpec,
	majorOf,
	type OperationSpec,
	servedOperations,
} from '@charter/spec';
import type { Tracer } from '@opentelemetry/api';
import { createEventBus, type EventBus } from '../bus/event-bus.ts';
import { anonymousProvider } from '../context/bearer-token-provider.ts';
import type { ContextProvider } from '../context/principal.ts';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import { RateLimiter, type RateLimits } from '../limits/rate-limits.ts';
import { RefusalSampler } from '../limits/refusal-sampler.ts';
import { createConsoleLogger, type Logger } from '../logging/logger.ts';
import type { Decider } from '../policy/policy-decider.ts';
import { createOutboxRelay } from '../relay/outbox-relay.ts';
import { createMemoryStores } from '../stores/memory/memory-stores.ts';
import { isRelayOutbox } from '../stores/outbox-store.ts';
import type { Stores } from '../stores/unit-of-work.ts';
import type { CallMetrics } from '../telemetry/call-metrics.ts';
import { type CommitRelease, runPipeline } from './execute-pipeline.ts';
import type { Binding, Handler } from './implement.ts';
import type { Invocation, InvocationResult } from './invocation.ts';
import { type Middleware, withMiddleware } from './middleware.ts';
import {
	type CompiledPlan,
	checkWireCollisions,
	compilePlan,
	type OperationPlan,
} from './operation-plan.ts';

/** How to build an executor. */
export interface ExecutorOptions {
	/** The contracts to serve; defaults to the contracts of the bindings. */
	readonly contracts?: ContractRegistry | Iterable<ContractSpec>;
	readonly bindings: readonly Binding<any>[];
	/**
	 * Middleware around every handler, outermost first, outside each binding's own (see `use`);
	 * none by default, and then a call pays nothing for it.
	 */
	readonly middleware?: readonly Middleware<any, any>[];
	/** Resolves the principal from transport metadata; everyone is anonymous by default. */
	readonly contextProvider?: ContextProvider;
	/** Persistence; in memory by default. */
	readonly stores?: Stores;
	/** Deciders for named policy rules. */
	readonly deciders?: Readonly<Record<string, Decider<any>>>;
	/** Serve operations without a handler as 501 instead of refusing to start. */
	readonly serveUnimplemented?: boolean;
	/**
	 * Receives events after commit, from the outbox relay; a new in-process bus by default.
	 * With stores that have no `afterCommit` (the memory stores) the executor runs that relay
	 * itself, over `stores.outbox`, and a command resolves once its events were delivered.
	 */
	readonly bus?: EventBus;
	readonly logger?: Logger;
	/** The clock handlers see as `ctx.now()`. */
	readonly clock?: () => Date;
	/** Deadline of one invocation, in milliseconds (30 s by default). */
	readonly timeoutMs?: number;
	/**
	 * How long an in-flight idempotency claim holds before another call may take it over: how
	 * long the keys of a node that died mid-call answer `IDEMPOTENCY_IN_FLIGHT`. Twice
	 * `timeoutMs` by default (60 s); it must exceed `timeoutMs`, or a slow call could run twice.
	 */
	readonly idempotencyLeaseMs?: number;
	/**
	 * How long a completed idempotency key replays its result (24 hours by default): a key
	 * claimed longer ago runs its command again, and stores may forget it. `Infinity` keeps keys.
	 */
	readonly idempotencyRetentionMs?: number;
	/** Rate limits per client address and per principal (429 with `retryAfter`); none by default. */
	readonly rateLimits?: RateLimits;
	/**
	 * Traces each call: a span per operation with child spans for validate, authorize, handler
	 * and commit, continuing the caller's W3C `traceparent`. Pass
	 * `trace.getTracer('@charter/runtime')` once the application has registered an
	 * OpenTelemetry SDK; no tracing (and no cost) by default.
	 */
	readonly tracer?: Tracer;
	/**
	 * Records each call (operation, surface, outcome, duration, idempotent replay): Prometheus
	 * (`createPrometheusMetrics` in `@charter/server`) or `openTelemetryCallMetrics(meter)`.
	 * None (and no cost) by default.
	 */
	readonly metrics?: CallMetrics;
}

/** How long a completed idempotency key replays its result by default: 24 hours. */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The one pipeline every surface calls. */
export interface Executor {
	readonly registry: ContractRegistry;
	/** Served operations, sorted by key and major version. */
	readonly plans: readonly OperationPlan[];
	/** Finds a served plan by key and an exact version or any version of its major (latest by default). */
	plan(key: string, version?: string): OperationPlan | undefined;
	/** Runs one invocation through the pipeline; never throws. */
	execute(invocation: Invocation): Promise<InvocationResult>;
	readonly bus: EventBus;
	readonly stores: Stores;
	readonly logger: Logger;
}

/**
 * Creates the executor: compiles each served operation into a plan once, and fails fast with
 * a `CharterConfigError` on a missing handler or a wire name collision.
 *
 * @example
 * const executor = createExecutor({
 *   bindings: [implement(PauseWorkflowContract, pause)],
 *   contextProvider: bearerTokenProvider({ tokens: { dev: { id: 'u1' } } }),
 * });
 * const result = await executor.execute({ operation: 'workflow.instance.pause', input });
 */
export function createExecutor(options: ExecutorOptions): Executor {
	const timeoutMs = options.timeoutMs ?? 30_000;
	if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'timeoutMs',
			'must be a positive number',
		);
	}
	const leaseMs = options.idempotencyLeaseMs ?? 2 * timeoutMs;
	if (!(Number.isFinite(leaseMs) && leaseMs > timeoutMs)) {
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'idempotencyLeaseMs',
			`must exceed timeoutMs (${timeoutMs} ms), or a slow call could run twice`,
		);
	}
	const retentionMs = options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
	if (!(retentionMs > leaseMs)) {
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'idempotencyRetentionMs',
			`must exceed idempotencyLeaseMs (${leaseMs} ms): a key must outlive its claim`,
		);
	}
	const logger = options.logger ?? createConsoleLogger('info');
	const registry = buildRegistry(options);
	const handlers = indexBindings(options.bindings, options.middleware ?? []);
	const deciders = options.deciders ?? {};

	const plans: CompiledPlan[] = servedOperations(registry).map((spec) => {
		const id = `${spec.meta.key}@${spec.meta.version}`;
		const handler = handlers.get(id);
		if (!handler && !options.serveUnimplemented) {
			throw new CharterConfigError('CHARTER_MISSING_HANDLER', id, 'no handler is bound');
		}
		handlers.delete(id);
		return compilePlan(spec, handler, registry, deciders);
	});
	for (const id of handlers.keys()) {
		logger.warn(
			{
				operation: id,
				hint: 'a newer version of the same major is served; bind the handler to it',
			},
			'a handler is bound to an operation version that is not served',
		);
	}
	checkWireCollisions(plans);

	const byId = new Map(plans.map((p) => [p.id, p]));
	const byKey = new Map<string, CompiledPlan[]>();
	for (const plan of plans) byKey.set(plan.key, [...(byKey.get(plan.key) ?? []), plan]);
	// The plan a call without a version gets, per key: the latest served version's major
	// (stable preferred), worked out once here rather than on every call.
	const byDefault = new Map<string, CompiledPlan>();
	for (const [key, candidates] of byKey) {
		const latest = registry.latest('operation', key)?.spec;
		const major = latest ? majorOf(latest.meta.version) : undefined;
		byDefault.set(key, candidates.find((p) => majorOf(p.version) === major) ?? candidates.at(-1)!);
	}
	const resolve = (key: string, version?: string): CompiledPlan | undefined => {
		if (version === undefined) return byDefault.get(key);
		const candidates = byKey.get(key);
		if (!candidates) return undefined;
		const exact = byId.get(`${key}@${version}`);
		if (exact) return exact;
		const major = /^v?(\d+)(?:\.|$)/.exec(version);
		return major ? candidates.find((p) => majorOf(p.version) === Number(major[1])) : undefined;
	};

	const stores = options.stores ?? createMemoryStores();
	const bus = options.bus ?? createEventBus({ logger });
	const env = {
		stores,
		release: releaseAfterCommit(stores, bus, logger, options.tracer),
		logger,
		contextProvider: options.contextProvider ?? anonymousProvider,
		clock: options.clock ?? (() => new Date()),
		timeoutMs,
		leaseMs,
		retentionMs,
		rateLimiter: options.rateLimits ? new RateLimiter(options.rateLimits) : undefined,
		refusals: new RefusalSampler(logger),
		tracer: options.tracer,
		metrics: options.metrics,
	};
	return {
		registry,
		plans,
		plan: resolve,
		execute: (invocation) => runPipeline(env, resolve, invocation),
		bus,
		stores,
		logger,
	};
}

/**
 * How committed events leave: through the outbox relay only. Stores with `afterCommit` (SQL)
 * wake the host's relay; for the others (memory) the executor drains the outbox with a relay
 * of its own after each command that emitted events, so the command resolves once they were
 * delivered. A failed delivery is logged; the events stay pending for the next drain.
 */
function releaseAfterCommit(
	stores: Stores,
	bus: EventBus,
	logger: Logger,
	tracer: Tracer | undefined,
): CommitRelease {
	const { afterCommit } = stores;
	if (afterCommit !== undefined) return (events) => afterCommit(events);
	const { outbox } = stores;
	if (!isRelayOutbox(outbox)) {
		throw new CharterConfigError(
			'CHARTER_INVALID_OPTION',
			'stores',
			'the outbox has no deliverBatch for a relay, and the stores no afterCommit for a relay of their own: events could not be published',
		);
	}
	const relay = createOutboxRelay({
		outbox,
		publisher: bus,
		logger,
		...(tracer ? { tracer } : {}),
	});
	const failed = (error: unknown) => {
		logger.error(
			{ error: error instanceof Error ? error.message : String(error) },
			'could not publish events after commit; they stay pending in the outbox',
		);
	};
	// A command resolves once its events are delivered, unless a drain was already running
	// (then that drain delivers them: waiting on it from a subscriber would never end).
	return (events) =>
		events.length === 0 ? undefined : relay.drainOrRequest()?.then(undefined, failed);
}

function buildRegistry(options: ExecutorOptions): ContractRegistry {
	const registry = createRegistry();
	const given = options.contracts;
	const specs: Iterable<ContractSpec> =
		given === undefined
			? []
			: 'all' in given && typeof given.all === 'function'
				? given.all().map((e) => e.spec)
				: (given as Iterable<ContractSpec>);
	for (const spec of specs) registry.register(spec);
	for (const binding of options.bindings) {
		if (!isOperationSpec(binding?.contract)) {
			throw new CharterConfigError(
				'CHARTER_UNKNOWN_BINDING',
				String((binding?.contract as { meta?: { key?: string } })?.meta?.key ?? '(no key)'),
				'implement() needs a command or query contract',
			);
		}
		registry.register(binding.contract);
	}
	return registry;
}

/** Each bound handler by `key@version`, wrapped in the app's middleware and then its own. */
function indexBindings(
	bindings: readonly Binding<any>[],
	appMiddleware: readonly Middleware<any, any>[],
): Map<string, Handler<OperationSpec>> {
	const handlers = new Map<string, Handler<OperationSpec>>();
	for (const { contract, handler, middleware = [] } of bindings) {
		const id = `${contract.meta.key}@${contract.meta.version}`;
		if (handlers.has(id)) {
			throw new CharterConfigError('CHARTER_DUPLICATE_BINDING', id, 'two handlers are bound');
		}
		const chain = appMiddleware.length === 0 ? middleware : [...appMiddleware, ...middleware];
		handlers.set(id, withMiddleware(contract, chain, handler) as Handler<OperationSpec>);
	}
	return handlers;
}
