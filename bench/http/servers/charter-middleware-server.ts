/*
 * The Charter server with one no-op middleware around its handler: the price of the chain.
 */
export {};

process.env.CHARTER_BENCH_MIDDLEWARE ??= '1';
await import('./charter-server.ts');
