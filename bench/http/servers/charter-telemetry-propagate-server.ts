/*
 * The Charter server with the OpenTelemetry SDK installed and sampling off, as
 * charter-telemetry-off-server.ts, but a request the sampler drops still runs inside its span's
 * context (`--tracing-unsampled propagate`): what propagating "not sampled" costs, async hooks
 * and all.
 */
export {};

process.env.CHARTER_BENCH_TELEMETRY ??= 'unsampled';
process.env.CHARTER_BENCH_UNSAMPLED ??= 'propagate';
await import('./charter-server.ts');
