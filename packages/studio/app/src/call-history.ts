import { useSyncExternalStore } from 'react';

/** One call Studio sent for the viewer this session. */
export interface CallRecord {
	readonly at: string;
	readonly operation: string;
	readonly version: string;
	/** Who it was sent as (a principal id, or `token`). */
	readonly as: string;
	readonly status: number;
	readonly traceId?: string;
	readonly input: unknown;
	readonly idempotencyKey?: string;
	/** The output, or the problem document. */
	readonly body: unknown;
}

let calls: readonly CallRecord[] = [];
const listeners = new Set<() => void>();

/** Adds a call to the session's history (newest first, 100 kept). */
export function recordCall(call: CallRecord): void {
	calls = [call, ...calls].slice(0, 100);
	for (const listener of listeners) listener();
}

/** The calls of this session, newest first. */
export function useCallHistory(): readonly CallRecord[] {
	return useSyncExternalStore(
		(listener) => {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		() => calls,
	);
}
