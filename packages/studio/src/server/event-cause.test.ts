import { type AuditRecord, createMemoryAuditStore, type EventEnvelope } from '@charter/runtime';
import { describe, expect, it } from 'vitest';
import { createCauseFinder } from './event-cause.ts';

/** One viewer's causes, from a finder of its own. */
function viewerOf(audit: Parameters<typeof createCauseFinder>[0], tenant: string | undefined) {
	const find = createCauseFinder(audit);
	return (envelope: EventEnvelope) => find(envelope, tenant);
}

const NAMED = '4bf92f3577b34da6a3ce929d0e0e4736';

function record(
	id: string,
	from: number,
	to: number,
	more: Partial<AuditRecord> = {},
): AuditRecord {
	return {
		id,
		operation: 'notes.note.add',
		version: '1.0.0',
		principalId: 'ada',
		tenant: 'a',
		inputDigest: 'd',
		resultCode: 'OK',
		status: 200,
		replayed: false,
		traceId: `server-${id}`,
		callerTraceId: NAMED,
		records: [],
		startedAt: new Date(from).toISOString(),
		finishedAt: new Date(to).toISOString(),
		...more,
	};
}

function event(at: number, more: Partial<EventEnvelope> = {}): EventEnvelope {
	return {
		specversion: '1.0',
		id: `e-${at}`,
		source: 'charter:operation/notes.note.add@1.0.0',
		type: 'notes.note.added',
		time: new Date(at).toISOString(),
		datacontenttype: 'application/json',
		data: {},
		eventversion: '1.0.0',
		traceid: NAMED,
		tenant: 'a',
		...more,
	};
}

describe('createCauseFinder', () => {
	it("takes the record of the operation whose run covers the event's time, among calls that named the same trace", async () => {
		const audit = createMemoryAuditStore();
		await audit.append(record('first', 1_000, 1_010));
		await audit.append(record('second', 1_020, 1_030));
		const causeOf = viewerOf(audit, 'a');
		expect((await causeOf(event(1_005))).audit).toMatchObject({ id: 'first' });
		expect((await causeOf(event(1_025))).audit).toMatchObject({ id: 'second' });
		// Between the two runs no call was under way: no record, rather than a neighbour's.
		expect((await causeOf(event(1_015))).audit).toBe('none');
	});

	it('looks again for each event of a trace a caller named: a call that committed since may make it ambiguous', async () => {
		const audit = createMemoryAuditStore();
		await audit.append(record('one', 1_000, 1_050));
		const causeOf = viewerOf(audit, 'a');
		expect((await causeOf(event(1_005))).audit).toMatchObject({ id: 'one' });
		await audit.append(record('other', 1_010, 1_040));
		expect((await causeOf(event(1_020))).audit).toBe('ambiguous');
	});

	it('asks the store once per event, for records of its trace as their own or as named by their caller', async () => {
		const audit = createMemoryAuditStore();
		const { callerTraceId: _, ...own } = record('own', 1_000, 1_050, { traceId: NAMED });
		await audit.append(own);
		await audit.append(record('named', 1_010, 1_040));
		const filters: Parameters<typeof audit.list>[0][] = [];
		const causeOf = viewerOf(
			{
				list: (filter) => {
					filters.push(filter);
					return audit.list(filter);
				},
			},
			'a',
		);
		// A run that took the trace as its own and one whose caller named it both cover the event.
		expect((await causeOf(event(1_020))).audit).toBe('ambiguous');
		expect(filters).toHaveLength(1);
	});

	it('says ambiguous when two runs that named the trace overlap the event, rather than pick one', async () => {
		const audit = createMemoryAuditStore();
		await audit.append(record('one', 1_000, 1_050));
		await audit.append(record('other', 1_010, 1_040));
		expect((await createCauseFinder(audit)(event(1_020), 'a')).audit).toBe('ambiguous');
	});

	it("finds a record by its own trace id, and only in the viewer's tenant and for the emitting operation's version", async () => {
		const audit = createMemoryAuditStore();
		const { callerTraceId: _, ...own } = record('own', 1_000, 1_010, { traceId: 'abc' });
		await audit.append(own);
		await audit.append(record('v2', 1_000, 1_010, { version: '2.0.0', traceId: 'abc' }));
		const at = event(1_005, { traceid: 'abc' });
		expect((await createCauseFinder(audit)(at, 'a')).audit).toMatchObject({ id: 'own' });
		expect((await createCauseFinder(audit)(at, 'b')).audit).toBe('none');
		expect((await createCauseFinder(audit)(at, undefined)).audit).toBe('none');
	});

	it("never gives a tenant-less event a record of the viewer's tenant, even one naming its trace, and does not look", async () => {
		const audit = createMemoryAuditStore();
		await audit.append(record('victim', 1_000, 1_050));
		let lookups = 0;
		const counted = {
			list: (filter: Parameters<typeof audit.list>[0]) => {
				lookups++;
				return audit.list(filter);
			},
		};
		const { tenant: _, ...tenantless } = event(1_020);
		expect((await createCauseFinder(counted)(tenantless, 'a')).audit).toBe('none');
		expect((await createCauseFinder(counted)(event(1_020, { tenant: 'b' }), 'a')).audit).toBe(
			'none',
		);
		expect(lookups).toBe(0);
		// The same event in the viewer's tenant finds the record.
		expect((await createCauseFinder(counted)(event(1_020), 'a')).audit).toMatchObject({
			id: 'victim',
		});
	});

	it('reads the operation from the source and the command span from traceparent', async () => {
		const causeOf = viewerOf(createMemoryAuditStore(), 'a');
		expect(await causeOf(event(1_000, { traceparent: `00-${NAMED}-00f067aa0ba902b7-00` }))).toEqual(
			{
				operation: 'notes.note.add',
				version: '1.0.0',
				traceId: NAMED,
				traceparent: `00-${NAMED}-00f067aa0ba902b7-00`,
				spanId: '00f067aa0ba902b7',
				sampled: false,
				audit: 'none',
			},
		);
		// An event no operation emitted has no command to look for.
		expect(await causeOf(event(1_000, { source: 'urn:elsewhere', traceparent: 'junk' }))).toEqual({
			traceId: NAMED,
			audit: 'none',
		});
	});

	it('asks the store once for an event all viewers of its tenant see, and answers each', async () => {
		const audit = createMemoryAuditStore();
		await audit.append(record('one', 1_000, 1_050));
		let lookups = 0;
		const causeOf = createCauseFinder({
			list: (filter) => {
				lookups++;
				return audit.list(filter);
			},
		});
		const seen = event(1_020);
		const [ada, bob] = await Promise.all([causeOf(seen, 'a'), causeOf(seen, 'a')]);
		expect(ada.audit).toMatchObject({ id: 'one' });
		expect(bob).toEqual(ada);
		expect((await causeOf(seen, 'a')).audit).toMatchObject({ id: 'one' });
		expect(lookups).toBe(1);
		// A viewer of another tenant still gets none, without a lookup.
		expect((await causeOf(seen, 'b')).audit).toBe('none');
		expect(lookups).toBe(1);
		// Another event of a trace a caller named is looked up again.
		await causeOf(event(1_030), 'a');
		expect(lookups).toBe(2);
	});

	it('says unavailable when the audit store does not answer', async () => {
		const causeOf = viewerOf({ list: () => Promise.reject(new Error('connection refused')) }, 'a');
		expect((await causeOf(event(1_000))).audit).toBe('unavailable');
	});

	it('says unavailable for an event whose time does not parse, rather than fail', async () => {
		const causeOf = viewerOf(createMemoryAuditStore(), 'a');
		expect((await causeOf(event(1_000, { time: 'yesterday' }))).audit).toBe('unavailable');
	});
});
