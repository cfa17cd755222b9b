export {
	BUILT_IN_PROBLEMS,
	type BuiltInProblemCode,
	buildProblem,
	createProblem,
	type DeclaredProblem,
	declaredProblem,
	isProblem,
	PROBLEM_TYPE_BASE,
	type Problem,
	ProblemError,
	type ProblemIssue,
	problemType,
	servedOperations,
} from '@charter/spec';
export type { Span, Tracer } from '@opentelemetry/api';
export {
	type AppDefinition,
	type AppEnvironment,
	type AppInstance,
	defineApp,
	type Fixture,
	isAppDefinition,
	sequentialIds,
} from './app/define-app.ts';
export type { Migration, MigrationSet } from './app/migration-set.ts';
export {
	createEventBus,
	type EventBus,
	type EventHandler,
	type Listener,
	type SubscribeOptions,
	toListener,
} from './bus/event-bus.ts';
export type { EventEnvelope } from './bus/event-envelope.ts';
export { createEventReadCheck } from './bus/event-visibility.ts';
export {
	type CountedEventBus,
	countSubscribers,
	type SubscriberCount,
} from './bus/subscriber-counts.ts';
export { parseTimestamp } from './clock/parse-timestamp.ts';
export {
	anonymousProvider,
	bearerTokenOf,
	bearerTokenProvider,
	type PrincipalInit,
} from './context/bearer-token-provider.ts';
export {
	type JwtClaimMapping,
	type JwtProviderOptions,
	jwtProvider,
} from './context/jwt-provider.ts';
export {
	ADMIN_ROLE,
	type ContextProvider,
	type InvocationMetadata,
	type Principal,
} from './context/principal.ts';
export { traceIdOf } from './context/trace-id.ts';
export {
	CHARTER_ERROR_CODES,
	CharterConfigError,
	type CharterErrorCode,
} from './errors/charter-config-error.ts';
export * from './events-entry.ts';
export { coerceInput } from './executor/coerce-input.ts';
export {
	createExecutor,
	DEFAULT_IDEMPOTENCY_RETENTION_MS,
	type Executor,
	type ExecutorOptions,
} from './executor/create-executor.ts';
export { EventContractViolation } from './executor/emit-buffer.ts';
export {
	type Binding,
	type Handler,
	type HandlerContext,
	type HandlerContextOf,
	implement,
	implementFor,
	type KindOf,
	type TypedImplement,
} from './executor/implement.ts';
export { inputShape, MAX_SHAPE_ENTRIES } from './executor/input-shape.ts';
export type { CallerSignal, Invocation, InvocationResult } from './executor/invocation.ts';
export {
	type ExtendedHandler,
	type Middleware,
	type MiddlewareCall,
	type MiddlewareChain,
	type NextFunction,
	type NextResult,
	use,
} from './executor/middleware.ts';
export { checkWireCollisions, type OperationPlan } from './executor/operation-plan.ts';
export {
	type DeclaredCookie,
	type DeclaredHeader,
	type DeclaredStatus,
	type DeclaredStream,
	endStreamSource,
	ResponseContractViolation,
	type ResponseControl,
	type ResponseCookie,
	type ResponseState,
	type StreamSource,
	successStatus,
} from './executor/response-control.ts';
export {
	busCheck,
	createReadiness,
	type LifecyclePhase,
	type Readiness,
	type ReadinessCheck,
	type ReadinessReport,
} from './health/readiness.ts';
export { fetchHeaders, type HeaderRecord, nodeHeaders } from './http/http-headers.ts';
export {
	type HttpSurface,
	originPolicyOption,
	type SurfaceOptions,
	surfaceOriginPolicy,
} from './http/http-surface.ts';
export {
	clientAddressOf,
	fetchRequestMetadata,
	toFetchRequest,
	writeFetchResponse,
} from './http/node-fetch-bridge.ts';
export {
	attachRequestTarget,
	isServedPath,
	parseRequestTarget,
	parseServedTarget,
	type RequestTarget,
	requestTargetOf,
} from './http/request-target.ts';
export { idempotencyScope } from './idempotency/idempotency-guard.ts';
export {
	canonicalJson,
	faultDetails,
	findUnsafeKey,
	type JsonFault,
	MAX_JSON_DEPTH,
	parseJsonSafely,
	UNSAFE_KEYS,
} from './json/safe-json.ts';
export {
	type CompiledOriginPolicy,
	compileOriginPolicy,
	isLoopbackHost,
	LOOPBACK_HOSTS,
	type OriginPolicy,
	refusedOrigin,
} from './limits/origin-policy.ts';
export {
	createMemoryRateLimitStore,
	DEFAULT_RATE_LIMITS,
	type RateLimitHit,
	type RateLimitRule,
	type RateLimitStore,
	type RateLimits,
} from './limits/rate-limits.ts';
export {
	type BodyResult,
	DEFAULT_BODY_LIMIT,
	readFetchBody,
	readNodeBody,
} from './limits/request-body.ts';
export {
	type AccessRecord,
	accessRecordOf,
	attachAccessRecord,
} from './logging/access-record.ts';
export {
	createConsoleLogger,
	isLogLevel,
	LOG_LEVELS,
	type LogFields,
	type LogFn,
	type Logger,
	type LogLevel,
	silentLogger,
	withFields,
} from './logging/logger.ts';
export { createLogger, type LoggerOptions } from './logging/pino-logger.ts';
export {
	createRedactor,
	piiFieldNames,
	REDACTED,
	type Redactor,
	SECRET_FIELDS,
} from './logging/redact.ts';
export {
	type Authorizer,
	type CompiledPolicy,
	compileCallerCheck,
	compilePolicy,
	type DecideRule,
	type Decider,
	type DeciderArgs,
	type Decision,
	readsState,
	type StateDecider,
	type TransactionAuthorizer,
} from './policy/policy-decider.ts';
export { ContractError } from './problems/contract-error.ts';
export { ProblemSignal } from './problems/error-mapper.ts';
export type { ErrorRaisers, RaiseArguments } from './problems/error-raisers.ts';
export {
	createOutboxRelay,
	type EventPublisher,
	type OutboxRelay,
	type OutboxRelayOptions,
} from './relay/outbox-relay.ts';
export type { AuditFilter, AuditRecord, AuditStore, InputShape } from './stores/audit-store.ts';
export type {
	ClaimResult,
	IdempotencyRecord,
	IdempotencyStore,
	StoredOutcome,
} from './stores/idempotency-store.ts';
export {
	createMemoryAuditStore,
	DEFAULT_MEMORY_AUDIT_CAPACITY,
	type MemoryAuditOptions,
} from './stores/memory/memory-audit-store.ts';
export { createMemoryIdempotencyStore } from './stores/memory/memory-idempotency-store.ts';
export {
	createMemoryOutboxStore,
	DEFAULT_MEMORY_OUTBOX_CAPACITY,
	type MemoryOutboxOptions,
} from './stores/memory/memory-outbox-store.ts';
export { createMemoryStores, type MemoryStoresOptions } from './stores/memory/memory-stores.ts';
export { createMemoryUnitOfWork } from './stores/memory/memory-unit-of-work.ts';
export type {
	BatchPublisher,
	OutboxEntry,
	OutboxStore,
	PendingEvent,
	RelayOutbox,
} from './stores/outbox-store.ts';
export type {
	Stores,
	TransactionScope,
	UnitOfWork,
	UnitOfWorkOptions,
} from './stores/unit-of-work.ts';
export {
	allCallMetrics,
	type CallMetrics,
	type ObservedCall,
	openTelemetryCallMetrics,
} from './telemetry/call-metrics.ts';
export { traceDelivery, tracePublish } from './telemetry/event-tracing.ts';
export { traceFetchRequests, traceHttpRequests } from './telemetry/http-spans.ts';
export {
	type McpOutcome,
	type TracedMcpRequest,
	traceMcpRequest,
} from './telemetry/mcp-spans.ts';
export { formatTraceparent, parseTraceparent } from './telemetry/trace-context.ts';
export { detachUnsampledRoots } from './telemetry/unsampled-roots.ts';
