import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEnvelope as event } from '../../../test/fixtures/test-envelope.ts';
import type { EventEnvelope } from '../../bus/event-envelope.ts';
import { createMemoryOutboxStore } from './memory-outbox-store.ts';

const AT = new Date('2026-01-01T00:00:01.000Z');
const ids = (entries: readonly { envelope: EventEnvelope }[]) => entries.map((e) => e.envelope.id);

describe('createMemoryOutboxStore', () => {
	it('marks only the given events published, and lists the others as pending, oldest first', async () => {
		const outbox = createMemoryOutboxStore();
		await outbox.append([event('a'), event('b'), event('c')]);
		await outbox.markPublished(['b', 'unknown'], AT);
		expect(ids(await outbox.pending())).toEqual(['a', 'c']);
		expect(ids(await outbox.pending(1))).toEqual(['a']);
		expect(outbox.all().map((e) => [e.envelope.id, e.publishedAt])).toEqual([
			['a', undefined],
			['b', AT.toISOString()],
			['c', undefined],
		]);
		await outbox.markPublished(['b'], new Date('2027-01-01T00:00:00.000Z'));
		expect(outbox.all()[1]?.publishedAt).toBe(AT.toISOString());
	});

	it('keeps every pending event but only the newest published ones past its capacity', async () => {
		const outbox = createMemoryOutboxStore({ capacity: 2 });
		await outbox.append(['p1', 'e1', 'e2', 'e3', 'p2'].map(event));
		await outbox.markPublished(['e1', 'e2', 'e3'], AT);
		expect(ids(outbox.all())).toEqual(['p1', 'e2', 'e3', 'p2']);
		expect(ids(await outbox.pending())).toEqual(['p1', 'p2']);
		expect(() => createMemoryOutboxStore({ capacity: 0 })).toThrow(RangeError);
	});

	it('agrees with a plain list model on any sequence of appends and marks', async () => {
		const step = fc.oneof(
			fc.record({
				append: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }),
			}),
			fc.record({
				mark: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }),
			}),
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(step, { maxLength: 20 }),
				fc.integer({ min: 1, max: 5 }),
				async (steps, capacity) => {
					const outbox = createMemoryOutboxStore({ capacity });
					// Append order, and the order in which entries were published (the ring drops the
					// entry published longest ago).
					const model: { id: string; published: boolean }[] = [];
					const publishOrder: (typeof model)[number][] = [];
					for (const s of steps) {
						if ('append' in s) {
							await outbox.append(s.append.map(event));
							model.push(...s.append.map((id) => ({ id, published: false })));
						} else {
							await outbox.markPublished(s.mark, AT);
							for (const id of new Set(s.mark)) {
								for (const entry of model) {
									if (entry.id !== id || entry.published) continue;
									entry.published = true;
									publishOrder.push(entry);
								}
							}
						}
					}
					const kept = publishOrder.slice(-capacity);
					const expected = model.filter((e) => !e.published || kept.includes(e));
					expect(outbox.all().map((e) => [e.envelope.id, e.publishedAt !== undefined])).toEqual(
						expected.map((e) => [e.id, e.published]),
					);
					expect(ids(await outbox.pending())).toEqual(
						model.filter((e) => !e.published).map((e) => e.id),
					);
				},
			),
			{ numRuns: 500 },
		);
	});
});
