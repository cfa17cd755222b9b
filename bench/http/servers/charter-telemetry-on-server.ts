/*
 * The Charter server with the OpenTelemetry SDK tracing every call (ParentBased(AlwaysOn): an
 * HTTP span and the operation's span tree per request, batched to an exporter that drops
 * them) and Prometheus metrics on.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'sampled';
await import('./charter-server.ts');
