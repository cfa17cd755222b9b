/*
 * The Charter server with the OpenTelemetry SDK installed, sampling off (AlwaysOffSampler),
 * and Prometheus metrics on: the price of telemetry an operator leaves on in production.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'unsampled';
await import('./charter-server.ts');
