import { createRestServer } from '@charter/rest';
import {
	bearerTokenProvider,
	type CallMetrics,
	ContractError,
	createExecutor,
	implement,
	type Middleware,
	silentLogger,
	type Tracer,
} from '@charter/runtime';
import { PauseWorkflowContract } from '../../../examples/workflow-system/src/instance/instance.operations.ts';
import { pauseInstance, seedInstances, TOKENS } from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * Charter, full pipeline: the seed's pause contract (policy admin + tenant from a bearer
 * token, input and output validation, audit record, unit of work over memory stores) served
 * by createRestServer. CHARTER_BENCH_MIDDLEWARE=<n> puts n no-op middleware around the handler
 * (none by default), to price the middleware chain against the same server without one.
 * CHARTER_BENCH_TELEMETRY=unsampled|sampled installs the OpenTelemetry SDK (sampling off or
 * on; the executor and the REST server both trace) and Prometheus metrics (bench-telemetry.ts);
 * telemetry is off by default.
 */

const instances = seedInstances();
const pause = implement(PauseWorkflowContract, (input, ctx) => {
	const paused = pauseInstance(instances, input, ctx.principal?.tenant, ctx.now().toISOString());
	if (!paused) throw new ContractError('NOT_FOUND', `no instance ${input.instanceId}`);
	return paused;
});

const noop: Middleware = (_call, next) => next();
const middleware = Array.from(
	{ length: Number(process.env.CHARTER_BENCH_MIDDLEWARE ?? 0) },
	() => noop,
);

const telemetryMode = process.env.CHARTER_BENCH_TELEMETRY;
const telemetry: { tracer?: Tracer; metrics?: CallMetrics } = telemetryMode
	? (await import('./bench-telemetry.ts')).benchTelemetry(telemetryMode === 'sampled')
	: {};

const executor = createExecutor({
	bindings: [pause],
	middleware,
	contextProvider: bearerTokenProvider({ tokens: TOKENS }),
	logger: silentLogger,
	...telemetry,
});
const rest = createRestServer(executor, {
	openapi: false,
	...(telemetry.tracer ? { tracer: telemetry.tracer } : {}),
});
const { port } = await rest.listen(0);
announce(port);
