import { type ContractRegistry, majorOf, type OperationSpec, type Policy } from '@charter/spec';
import type { Principal } from '../context/principal.ts';
import { compileCallerCheck, type Decision } from './policy-decider.ts';

/** Who may receive an event on a live channel, and what the docs say about it. */
export interface EventReadPolicy {
	/** Admits or refuses a caller, with the problem code and why. */
	decide(principal: Principal | undefined): Decision;
	/** One sentence for docs and schemas. */
	readonly description: string;
}

const ALLOW: Decision = { allowed: true };

/** The operations that emit each event, by `key@major`, in registry order. */
export type EventEmitterIndex = ReadonlyMap<string, readonly OperationSpec[]>;

/**
 * Indexes which operations emit which events, in one pass: compiling the read policies of
 * many events with it stays linear (scanning every operation per event was quadratic, minutes
 * for 10,000 contracts).
 */
export function indexEventEmitters(registry: ContractRegistry): EventEmitterIndex {
	const index = new Map<string, OperationSpec[]>();
	for (const { spec } of registry.operations()) {
		const seen = new Set<string>();
		for (const emit of spec.sideEffects.emits) {
			const id = `${emit.key}@${majorOf(emit.version)}`;
			if (seen.has(id)) continue;
			seen.add(id);
			const list = index.get(id);
			if (list) list.push(spec);
			else index.set(id, [spec]);
		}
	}
	return index;
}

/**
 * Compiles an event's read policy, the one rule for every live channel (GraphQL subscriptions,
 * and any other): the event's declared `policy` when it has one; otherwise a caller receives
 * the event when at least one served operation that emits it would admit them (its auth level,
 * roles, permissions and tenant; its named rules aside, as they decide on that operation's
 * input). An event no operation emits needs an authenticated caller. Tenant isolation is
 * separate and always applies: a tenant's event reaches only that tenant's callers.
 */
export function compileEventReadPolicy(
	registry: ContractRegistry,
	key: string,
	version: string,
	emitterIndex: EventEmitterIndex = indexEventEmitters(registry),
): EventReadPolicy {
	const major = majorOf(version);
	const declared = registry.get('event', key, version)?.spec as { policy?: Policy } | undefined;
	if (declared?.policy) {
		const check = compileCallerCheck(declared.policy);
		return {
			decide: (principal) => refusal(check(principal), key) ?? ALLOW,
			description: 'Delivered to callers its read policy admits (declared on the event).',
		};
	}
	const emitters = (emitterIndex.get(`${key}@${major}`) ?? []).map((spec) => ({
		id: spec.meta.key,
		check: compileCallerCheck(spec.policy),
	}));
	if (emitters.length === 0) {
		const check = compileCallerCheck({ auth: 'user' });
		return {
			decide: (principal) => refusal(check(principal), key) ?? ALLOW,
			description: 'Delivered to authenticated callers (no operation emits it).',
		};
	}
	const names = [...new Set(emitters.map((e) => e.id))].sort();
	return {
		decide(principal) {
			let first: Decision | undefined;
			for (const { check } of emitters) {
				const refused = check(principal);
				if (!refused) return ALLOW;
				first ??= refused;
			}
			if (first && !first.allowed && first.code === 'UNAUTHENTICATED') return refusal(first, key)!;
			return {
				allowed: false,
				code: 'FORBIDDEN',
				reason: `receiving ${key} requires being allowed to call one of ${names.join(', ')}`,
			};
		},
		description: `Delivered to callers allowed to call one of the operations that emit it (${names.join(', ')}; their rules aside).`,
	};
}

function refusal(decision: Decision | undefined, key: string): Decision | undefined {
	if (!decision || decision.allowed) return undefined;
	return {
		allowed: false,
		code: decision.code,
		reason:
			decision.code === 'UNAUTHENTICATED'
				? `receiving ${key} requires an authenticated caller`
				: `receiving ${key}: ${decision.reason.replace('this operation', 'this event')}`,
	};
}
