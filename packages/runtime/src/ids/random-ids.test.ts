import { describe, expect, it } from 'vitest';
import { randomHex, randomUuid } from './random-ids.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random ids', () => {
	it('gives version 4 UUIDs, all different, across many pool refills', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 20_000; i++) {
			const id = randomUuid();
			expect(id).toMatch(UUID_V4);
			seen.add(id);
		}
		expect(seen.size).toBe(20_000);
	});

	it('spreads every hex digit over the random positions of a UUID', () => {
		const counts = new Map<string, number>();
		for (let i = 0; i < 2_000; i++) {
			for (const digit of randomUuid().replaceAll('-', '').slice(0, 12)) {
				counts.set(digit, (counts.get(digit) ?? 0) + 1);
			}
		}
		// 24,000 digits: each of the 16 expected ~1,500 times; far off means a broken encoding.
		expect(counts.size).toBe(16);
		for (const count of counts.values()) expect(count).toBeGreaterThan(1_200);
	});

	it('gives hex strings of the asked length', () => {
		const a = randomHex(16);
		expect(a).toMatch(/^[0-9a-f]{32}$/);
		expect(randomHex(16)).not.toBe(a);
	});
});
