/**
 * The promise a store returns for a write it finished synchronously (a memory store's append,
 * a write queued in a memory transaction): already fulfilled, it never rejects. The pipeline
 * and the memory unit of work skip awaiting it by identity, since every await is a microtask
 * tick, and a request of the REST bench paid two of them for the audit record alone.
 */
export const SETTLED: Promise<void> = Promise.resolve();
