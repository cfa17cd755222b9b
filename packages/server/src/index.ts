export {
	createDurableRuntime,
	type DurableRuntime,
	type DurableRuntimeOptions,
} from './durable-runtime.ts';
export {
	type CharterServer,
	type CharterServerOptions,
	createCharterServer,
	type LazyMount,
} from './host/charter-server.ts';
export {
	createPrometheusMetrics,
	metricsEndpoint,
	type PrometheusMetrics,
	type PrometheusMetricsOptions,
} from './prometheus-metrics.ts';
export {
	createRedisRateLimitStore,
	type RedisRateLimitStore,
	type RedisRateLimitStoreOptions,
} from './redis-rate-limit-store.ts';
export { sqlStoreChecks } from './sql-store-checks.ts';
