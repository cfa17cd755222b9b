/*
 * The Charter server with the OpenTelemetry SDK installed and sampling off
 * (ParentBased(AlwaysOff): the HTTP span is asked of the SDK and dropped) and Prometheus
 * metrics on: the price of telemetry an operator leaves on in production. A dropped request
 * that continues no trace runs outside a trace context, as `charter serve --tracing` runs it
 * under OTEL_TRACES_SAMPLER=parentbased_always_off.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'unsampled';
await import('./charter-server.ts');
