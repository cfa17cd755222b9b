import { type AuditStore, type EventEnvelope, parseTraceparent } from '@charter/runtime';
import {
	type AuditRecordView,
	type CauseRecord,
	type EventCause,
	emitterOf,
} from '../api/studio-api.ts';

/** Records found by their own trace: the later events of their command reuse them. */
const REMEMBERED = 256;
/**
 * Lookups kept by event, so every viewer of the event's tenant shares one: as many as a viewer
 * may have waiting (the feed's bound), so one that lags behind another still finds it.
 */
const SHARED = 1000;
/**
 * How many of the operation's records of the trace started by the event's time are searched:
 * the newest finished last, so every run covering the event is among them unless more than
 * this many do (then it is ambiguous anyway).
 */
const NEAREST = 20;

/** The cause of an event, as seen by a viewer of `tenant` (undefined: a viewer of no tenant). */
export type CauseFinder = (
	envelope: EventEnvelope,
	tenant: string | undefined,
) => Promise<EventCause>;

/**
 * Finds what caused each event, for one Studio: the operation call its `source` names, its
 * trace (`traceid`, and the command span of `traceparent` when the server traces), and the
 * command's audit record in the viewer's tenant (an event of another tenant or of none has
 * none there). That record is the one of the operation whose
 * trace is the event's (its own trace id, or the trace its caller named in `traceparent`, which
 * a record never takes as its own) and whose run covers the event's time; when none or several
 * match, the cause says so instead of guessing. A command writes its audit record in the
 * transaction that commits its events, so a published event finds it. The record depends only
 * on the event (a viewer sees one only for an event of its own tenant), so the viewers of an
 * event share one lookup. A cause never rejects: a lookup that fails says `unavailable`.
 */
export function createCauseFinder(audit: Pick<AuditStore, 'list'>): CauseFinder {
	const remembered = new Map<string, CauseRecord>();
	const shared = new Map<string, Promise<EventCause['audit']>>();
	const lookUp = async (
		envelope: EventEnvelope,
		{ operation, version }: { operation: string; version: string },
	): Promise<EventCause['audit']> => {
		const key = `${envelope.source} ${envelope.traceid}`;
		const at = Date.parse(envelope.time);
		const known = remembered.get(key);
		if (known && covers(known, at)) return known;
		const found = await findRecord(audit, {
			operation,
			version,
			tenant: envelope.tenant,
			trace: envelope.traceid,
			at,
		});
		// Only a record found by its own trace id is reused: calls that named one trace may
		// overlap, and one that commits later makes a later event of that trace ambiguous.
		if (typeof found === 'object' && found.traceId === envelope.traceid)
			keepNewest(remembered, key, found, REMEMBERED);
		return found;
	};
	return async (envelope, tenant) => {
		const emitter = emitterOf(envelope.source);
		const span = parseTraceparent(envelope.traceparent);
		const cause = {
			traceId: envelope.traceid,
			...emitter,
			...(span && envelope.traceparent
				? {
						traceparent: envelope.traceparent,
						spanId: span.spanId,
						sampled: (span.traceFlags & 1) === 1,
					}
				: {}),
		};
		if (!emitter) return { ...cause, audit: 'none' };
		// An event of another tenant, or of none (which reaches every viewer), was not caused by a
		// command of the viewer's tenant: it never takes one of its records, even one naming its trace.
		if ((envelope.tenant ?? null) !== (tenant ?? null)) return { ...cause, audit: 'none' };
		// CloudEvents ids are unique within their source.
		const id = `${envelope.source} ${envelope.id}`;
		let found = shared.get(id);
		if (!found) {
			found = lookUp(envelope, emitter);
			keepNewest(shared, id, found, SHARED);
		}
		return { ...cause, audit: await found };
	};
}

/** Sets `key` as the newest entry of `map`, dropping the oldest past `max`. */
function keepNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
	map.delete(key);
	map.set(key, value);
	if (map.size > max) map.delete(map.keys().next().value as K);
}

const covers = (record: { startedAt: string; finishedAt: string }, at: number) =>
	Date.parse(record.startedAt) <= at && at <= Date.parse(record.finishedAt);

async function findRecord(
	audit: Pick<AuditStore, 'list'>,
	call: {
		operation: string;
		version: string;
		tenant: string | undefined;
		trace: string;
		at: number;
	},
): Promise<EventCause['audit']> {
	const { version, at } = call;
	let matching: AuditRecordView[];
	// The one guard of a lookup, so a cause never rejects: a store that does not answer, or an
	// envelope from another bus whose time does not parse (no `until` for it), is unavailable.
	try {
		// One query: the newest records of the operation started by the event's time (`until` is
		// exclusive) that took the trace as their own or whose caller named it.
		const near = await audit.list({
			operation: call.operation,
			tenant: call.tenant ?? null,
			inTrace: call.trace,
			until: new Date(at + 1).toISOString(),
			limit: NEAREST,
		});
		matching = near.filter((r) => r.version === version && covers(r, at));
	} catch {
		return 'unavailable';
	}
	if (matching.length > 1) return 'ambiguous';
	const record = matching[0];
	if (!record) return 'none';
	const { id, traceId, principalId, resultCode, startedAt, finishedAt } = record;
	return {
		id,
		traceId,
		...(principalId !== undefined ? { principalId } : {}),
		resultCode,
		startedAt,
		finishedAt,
	};
}
