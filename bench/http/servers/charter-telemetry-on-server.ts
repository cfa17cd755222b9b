/*
 * The Charter server with the OpenTelemetry SDK tracing every call (AlwaysOnSampler, spans
 * batched to an exporter that drops them) and Prometheus metrics on.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'sampled';
await import('./charter-server.ts');
