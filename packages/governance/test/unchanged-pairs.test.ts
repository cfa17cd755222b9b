import {
	type ContractSpec,
	createRegistry,
	createSnapshot,
	parseSnapshot,
	serializeSnapshot,
} from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { sameSpec } from '../src/diff/same-spec.ts';
import { applyVersionPolicy, diffSnapshots } from '../src/index.ts';
import { command, model, S } from './corpus/corpus-case.ts';

const lockOf = (specs: ContractSpec[]) =>
	parseSnapshot(serializeSnapshot(createSnapshot(createRegistry(specs))));

describe('unchanged pairs', () => {
	it('are marked and skipped: a contract read back from its lockfile has nothing to report', () => {
		const specs = [
			command({ meta: { key: 'a.thing.do', version: '1.0.0' } }),
			command({ meta: { key: 'b.thing.do', version: '1.0.0' } }),
		];
		const diff = diffSnapshots(lockOf(specs), createSnapshot(createRegistry(specs)));
		expect(diff.pairs.map((p) => p.unchanged)).toEqual([true, true]);
		expect(diff.findings).toEqual([]);
		expect(applyVersionPolicy(diff)).toEqual([]);
	});

	it('are only the pairs with no change: an edited contract beside them is still compared', () => {
		const input = model('In', {
			id: { type: S.ID(), isOptional: false },
			note: { type: S.String(), isOptional: false },
		});
		const before = lockOf([
			command({ meta: { key: 'a.thing.do', version: '1.0.0' } }),
			command({ meta: { key: 'b.thing.do', version: '1.0.0' } }),
		]);
		const after = createSnapshot(
			createRegistry([
				command({ meta: { key: 'a.thing.do', version: '1.0.0' } }),
				command({ meta: { key: 'b.thing.do', version: '1.0.0' }, input }),
			]),
		);
		const diff = diffSnapshots(before, after);
		expect(diff.pairs.map((p) => [p.key, p.unchanged ?? false])).toEqual([
			['a.thing.do', true],
			['b.thing.do', false],
		]);
		expect(diff.findings.map((f) => `${f.key} ${f.ruleId} ${f.path}`)).toEqual([
			'b.thing.do required-field-added $.input.note',
		]);
		expect(applyVersionPolicy(diff).map((f) => `${f.key} ${f.ruleId}`)).toEqual([
			'b.thing.do released-version-modified',
			'b.thing.do breaking-without-major',
		]);
	});
});

describe('sameSpec', () => {
	it('ignores the order of a model field’s properties, which the lockfile writes in one order', () => {
		expect(
			sameSpec(
				{ fields: { a: { isOptional: false, type: { kind: 'scalar', name: 'ID' } } } },
				{ fields: { a: { type: { kind: 'scalar', name: 'ID' }, isOptional: false } } },
			),
		).toBe(true);
	});

	it('keeps the order of other keys, which the diff compares as text', () => {
		expect(sameSpec({ example: { a: 1, b: 2 } }, { example: { b: 2, a: 1 } })).toBe(false);
	});

	it('treats an undefined property as absent, as JSON does', () => {
		expect(sameSpec({ a: 1, b: undefined }, { a: 1 })).toBe(true);
		expect(sameSpec({ a: 1 }, { a: 1, b: null })).toBe(false);
	});

	it('calls anything JSON would drop or change a difference', () => {
		const f = () => true;
		expect(sameSpec({ a: f }, { a: f, b: 1 })).toBe(false);
		expect(sameSpec({ a: 1, decide: f }, { a: 1 })).toBe(false);
		expect(sameSpec({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
		expect(sameSpec([undefined], [null])).toBe(false);
		expect(sameSpec({ n: Number.NaN }, { n: null })).toBe(false);
	});

	it('compares lists item by item', () => {
		expect(sameSpec(['x', 'y'], ['x', 'y'])).toBe(true);
		expect(sameSpec(['x', 'y'], ['y', 'x'])).toBe(false);
		expect(sameSpec(['x'], ['x', 'y'])).toBe(false);
	});
});
