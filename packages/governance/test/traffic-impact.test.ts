import { describe, expect, it } from 'vitest';
import { type DiffFinding, trafficImpact } from '../src/index.ts';

const finding = (over: Partial<DiffFinding> = {}): DiffFinding => ({
	ruleId: 'auth-tightened',
	severity: 'breaking',
	kind: 'operation',
	key: 'shop.order.close',
	version: '2.0.0',
	baseVersion: '1.0.0',
	path: '$.policy.auth',
	message: 'auth user -> admin',
	surfaces: {},
	...over,
});
const call = (startedAt: string, over: Record<string, string> = {}) => ({
	operation: 'shop.order.close',
	version: '1.0.0',
	principalId: 'ada',
	tenant: 'acme',
	resultCode: 'OK',
	startedAt,
	...over,
});
const window = {
	source: 'sqlite:x.db',
	since: new Date('2026-11-01T00:00:00Z'),
	until: new Date('2026-12-01T00:00:00Z'),
};

describe('impact from traffic', () => {
	it('counts the calls of the base version inside the window, exactly', () => {
		const impact = trafficImpact(
			[finding(), finding({ ruleId: 'field-removed', path: '$.input.note' })],
			[
				call('2026-11-02T10:00:00Z'),
				call('2026-11-03T10:00:00Z', { principalId: 'bob', tenant: 'globex' }),
				call('2026-11-30T23:59:59Z', { resultCode: 'FORBIDDEN' }),
				call('2026-10-31T23:59:59Z'), // before the window
				call('2026-12-01T00:00:00Z'), // at its end, excluded
				call('2026-11-05T10:00:00Z', { version: '2.0.0' }), // already the new version
				call('2026-11-05T10:00:00Z', { operation: 'shop.order.open' }),
			],
			window,
			() => true,
		);
		expect(impact.operations).toEqual([
			{
				key: 'shop.order.close',
				version: '1.0.0',
				severity: 'breaking',
				changes: ['auth-tightened $.policy.auth', 'field-removed $.input.note'],
				audited: true,
				calls: 3,
				succeeded: 2,
				principals: 2,
				tenants: 2,
				anonymous: 0,
				lastCall: '2026-11-30T23:59:59Z',
				// Records without an input shape: the field's use is unknown, not zero.
				fields: [
					{
						change: 'field-removed $.input.note',
						pointer: '/note',
						measure: 'sent',
						calls: 0,
						unknown: 3,
					},
				],
			},
		]);
	});

	it('counts per field and enum value from the input shapes; shapeless or capped records are unknown', () => {
		const shaped = (fields: string[], enums: [string, string][] = [], truncated = false) => ({
			...call('2026-11-02T10:00:00Z'),
			inputShape: { fields, enums, ...(truncated ? { truncated } : {}) },
		});
		const impact = trafficImpact(
			[
				finding({ ruleId: 'field-removed', path: '$.input.note' }),
				finding({ ruleId: 'enum-value-removed', path: '$.input.items[*].state', before: 'OPEN' }),
				finding({ ruleId: 'field-made-required', path: '$.input.reason' }),
				finding({ ruleId: 'type-changed', path: '$.input.choice<Line>.sku' }),
			],
			[
				shaped(['/note', '/items', '/items/*/state'], [['/items/*/state', 'OPEN']]),
				shaped(['/items', '/items/*/state', '/reason'], [['/items/*/state', 'PAID']]),
				shaped(['/items'], [], true),
				call('2026-11-03T10:00:00Z'),
			],
			window,
			() => true,
		);
		expect(impact.operations[0]!.calls).toBe(4);
		expect(impact.operations[0]!.fields).toEqual([
			{
				change: 'field-removed $.input.note',
				pointer: '/note',
				measure: 'sent',
				calls: 1,
				unknown: 2,
			},
			{
				change: 'enum-value-removed $.input.items[*].state',
				pointer: '/items/*/state',
				value: 'OPEN',
				measure: 'sent',
				calls: 1,
				unknown: 2,
			},
			{
				change: 'field-made-required $.input.reason',
				pointer: '/reason',
				measure: 'omitted',
				calls: 1,
				unknown: 2,
			},
		]);
	});

	it('says "no call" with a zero, and "unknown" for an operation the audit log does not record', () => {
		const none = trafficImpact([finding()], [], window, () => true);
		expect(none.operations[0]).toMatchObject({ calls: 0, principals: 0 });
		const query = trafficImpact([finding()], [call('2026-11-02T10:00:00Z')], window, () => false);
		expect(query.operations[0]).toEqual(expect.objectContaining({ audited: false }));
		expect(query.operations[0]).not.toHaveProperty('calls');
	});

	it('leaves out safe, info and waived changes, and changes to events', () => {
		const waiver = { change: 'x', reason: 'r', approvedBy: '@shop', expires: '2999-01-01' };
		const impact = trafficImpact(
			[
				finding({ severity: 'safe' }),
				finding({ severity: 'info' }),
				finding({ waiver }),
				finding({ kind: 'event' }),
			],
			[call('2026-11-02T10:00:00Z')],
			window,
			() => true,
		);
		expect(impact.operations).toEqual([]);
	});
});
