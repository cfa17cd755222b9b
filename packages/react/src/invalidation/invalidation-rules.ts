import type { EventSpec } from '@charter/spec';
import type { AnyOperation } from '../client/charter-client.ts';
import type { ContractCache } from './contract-cache.ts';

/** The payload type of an event contract. */
export type PayloadOf<E> = E extends EventSpec<string, infer P> ? P : never;

/** What one event does to the cache: queries to invalidate, and a typed update from its payload. */
export interface EventEffect<E extends EventSpec> {
	/** Queries whose every cached input is stale once the event happened. */
	readonly invalidate?: readonly AnyOperation[];
	/**
	 * Writes the event's payload into the cache (live events only: a mutation's own result is
	 * not the payload). Runs before `invalidate`.
	 */
	readonly update?: (payload: PayloadOf<E>, cache: ContractCache) => void;
}

/** A rule: some events and what they do to the cache. */
export interface InvalidationRule {
	readonly events: readonly EventSpec[];
	readonly effect: EventEffect<any>;
}

/**
 * Declares what some events do to the cache, by contract (no string keys): the queries they
 * make stale and, for live events, how their payload updates cached data.
 *
 * @example
 * onEvents([InstancePausedEvent, InstanceResumedEvent], {
 *   invalidate: [ListInstancesContract],
 *   update: (instance, cache) => cache.set(GetInstanceContract, { instanceId: instance.id }, instance),
 * })
 */
export function onEvents<const E extends readonly EventSpec[]>(
	events: E,
	effect: EventEffect<E[number]>,
): InvalidationRule {
	return { events, effect };
}

/**
 * What an event with no rule invalidates: `'resource'` (the default) every query of the same
 * resource, the key without its last segment (`workflow.instance.paused` makes
 * `workflow.instance.get` and `workflow.instance.list` stale); `'none'` nothing.
 */
export type InvalidationFallback = 'resource' | 'none';

/** Where an event or command points in the cache: contract keys, or key prefixes of a resource. */
export interface CacheTargets {
	readonly keys: readonly string[];
	readonly resources: readonly string[];
}

/** The app's invalidation, declared once: rules by event, and a fallback. */
export interface Invalidation {
	/** Rules whose events include this event key. */
	rulesFor(eventKey: string): readonly InvalidationRule[];
	/** What a successful command makes stale: its declared events' targets (or its own resource). */
	targetsOfCommand(contract: AnyOperation): CacheTargets;
	/** What one event makes stale. */
	targetsOfEvent(eventKey: string): CacheTargets;
}

/**
 * Declares the app's invalidation once. Commands invalidate what their declared events
 * (`sideEffects.emits`) affect; an event with no rule falls back to its resource.
 *
 * @example
 * const invalidation = defineInvalidation([
 *   onEvents([InstancePausedEvent], { invalidate: [GetInstanceContract, ListInstancesContract] }),
 * ]);
 */
export function defineInvalidation(
	rules: readonly InvalidationRule[] = [],
	options: { readonly fallback?: InvalidationFallback } = {},
): Invalidation {
	const fallback = options.fallback ?? 'resource';
	const byEvent = new Map<string, InvalidationRule[]>();
	for (const rule of rules)
		for (const event of rule.events) {
			const list = byEvent.get(event.meta.key) ?? [];
			list.push(rule);
			byEvent.set(event.meta.key, list);
		}
	const targetsOfEvent = (eventKey: string): CacheTargets => {
		const matching = byEvent.get(eventKey);
		if (!matching) return fallbackTargets(eventKey);
		const keys = new Set<string>();
		for (const rule of matching)
			for (const contract of rule.effect.invalidate ?? []) keys.add(contract.meta.key);
		return { keys: [...keys], resources: [] };
	};
	const fallbackTargets = (key: string): CacheTargets =>
		fallback === 'none' ? { keys: [], resources: [] } : { keys: [], resources: [resourceOf(key)] };
	return {
		rulesFor: (eventKey) => byEvent.get(eventKey) ?? [],
		targetsOfEvent,
		targetsOfCommand(contract) {
			const emits = contract.sideEffects.emits;
			if (emits.length === 0) return fallbackTargets(contract.meta.key);
			const keys = new Set<string>();
			const resources = new Set<string>();
			for (const emit of emits) {
				const targets = targetsOfEvent(emit.key);
				for (const key of targets.keys) keys.add(key);
				for (const resource of targets.resources) resources.add(resource);
			}
			return { keys: [...keys], resources: [...resources] };
		},
	};
}

/** The resource of a key: its segments but the last (`workflow.instance.paused` -> `workflow.instance`). */
export function resourceOf(key: string): string {
	const dot = key.lastIndexOf('.');
	return dot === -1 ? key : key.slice(0, dot);
}
