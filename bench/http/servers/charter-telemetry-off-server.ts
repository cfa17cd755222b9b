/*
 * The Charter server with the OpenTelemetry SDK installed and sampling off
 * (ParentBased(AlwaysOff)) and Prometheus metrics on: the price of telemetry an operator leaves
 * on in production. As `charter serve --tracing` runs it when it starts the SDK under
 * OTEL_TRACES_SAMPLER=parentbased_always_off, a request that continues no trace asks the SDK
 * for no span and runs outside a trace context (bench-telemetry.ts); a caller's trace would go
 * to the SDK.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'unsampled';
await import('./charter-server.ts');
