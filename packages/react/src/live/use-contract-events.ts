import type { EventSpec } from '@charter/spec';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { contractCache, invalidateTargets } from '../invalidation/contract-cache.ts';
import type { PayloadOf } from '../invalidation/invalidation-rules.ts';
import { useCharter } from '../provider/charter-provider.tsx';
import type { CharterQueries } from '../query/charter-queries.ts';
import {
	createLiveEvents,
	type LiveEvents,
	type LiveProblem,
	type LiveStatus,
} from './live-events.ts';

/** Options of {@link useContractEvents}. */
export interface ContractEventsOptions<E extends EventSpec> {
	/** Subscribe only while true (for example once signed in). Default true. */
	readonly enabled?: boolean;
	/** Called for each event, after the cache was updated and invalidated. */
	readonly onEvent?: (event: E, payload: PayloadOf<E>) => void;
}

/** Where the subscriptions of {@link useContractEvents} stand, the least healthy first. */
export interface ContractEventsState {
	readonly status: LiveStatus | 'idle';
	readonly problem?: LiveProblem;
}

const connections = new WeakMap<CharterQueries, LiveEvents>();

/** Gives the one live connection of a CharterQueries, opened on first use. */
function liveOf(charter: CharterQueries): LiveEvents {
	let live = connections.get(charter);
	if (!live) {
		if (!charter.live)
			throw new Error(
				'useContractEvents needs live events: pass { live: { url: "/graphql" } } to createCharterQueries',
			);
		live = createLiveEvents(charter.live);
		connections.set(charter, live);
	}
	return live;
}

const RANK: Record<LiveStatus, number> = {
	denied: 0,
	reconnecting: 1,
	connecting: 2,
	live: 3,
	closed: 4,
};

/**
 * Subscribes to declared events (GraphQL subscriptions over SSE) and keeps the cache true: each
 * event runs its rules' typed `update`, then invalidates what the app's invalidation says it
 * affects. After a broken stream comes back, everything the events affect is invalidated
 * (events are not replayed). A refusal by the event's read policy stops, with status `denied`.
 *
 * @example
 * const { status } = useContractEvents([InstancePausedEvent, InstanceResumedEvent]);
 */
export function useContractEvents<const E extends readonly EventSpec[]>(
	events: E,
	options: ContractEventsOptions<E[number]> = {},
): ContractEventsState {
	const charter = useCharter();
	const queryClient = useQueryClient();
	const [state, setState] = useState<ContractEventsState>({ status: 'idle' });
	const onEvent = useRef(options.onEvent);
	onEvent.current = options.onEvent;
	const enabled = options.enabled ?? true;
	const signature = events.map((e) => `${e.meta.key}@${e.meta.version}`).join(',');

	// biome-ignore lint/correctness/useExhaustiveDependencies: the events are identified by signature
	useEffect(() => {
		if (!enabled || events.length === 0) {
			setState({ status: 'idle' });
			return;
		}
		const live = liveOf(charter);
		const cache = contractCache(queryClient);
		const statuses = new Map<EventSpec, { status: LiveStatus; problem?: LiveProblem }>();
		const publish = () => {
			let worst: ContractEventsState = { status: 'live' };
			for (const entry of statuses.values())
				if (RANK[entry.status] < RANK[worst.status as LiveStatus]) worst = entry;
			setState(worst);
		};
		const stops = events.map((event) =>
			live.subscribe(event, {
				onEvent(payload) {
					for (const rule of charter.invalidation.rulesFor(event.meta.key))
						rule.effect.update?.(payload, cache);
					void invalidateTargets(queryClient, charter.invalidation.targetsOfEvent(event.meta.key));
					onEvent.current?.(event, payload as PayloadOf<E[number]>);
				},
				onStatus(status, problem) {
					statuses.set(event, problem ? { status, problem } : { status });
					publish();
				},
				onReconnected() {
					void invalidateTargets(queryClient, charter.invalidation.targetsOfEvent(event.meta.key));
				},
			}),
		);
		return () => {
			for (const stop of stops) stop();
		};
	}, [charter, queryClient, enabled, signature]);

	return state;
}
