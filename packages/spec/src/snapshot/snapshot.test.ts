import { defineEnum, defineSchemaModel, f, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { defineEvent } from '../events/define-event.ts';
import { defineFeature } from '../features/define-feature.ts';
import { defineCommand, defineQuery } from '../operations/define-operation.ts';
import { createRegistry } from '../registry/contract-registry.ts';
import {
	createSnapshot,
	parseSnapshot,
	SnapshotFormatError,
	serializeSnapshot,
} from './snapshot.ts';

const Status = defineEnum('Status', ['RUNNING', 'PAUSED']);
const Instance = defineSchemaModel({
	name: 'Instance',
	fields: {
		id: { type: ScalarTypeEnum.ID(), isOptional: false },
		status: { type: Status, isOptional: false },
	},
});
const Input = defineSchemaModel({
	name: 'Input',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const pause = defineCommand({
	meta: { key: 'workflow.instance.pause', version: '1.0.0', stability: 'stable' },
	io: { input: Input, output: Instance },
	policy: { auth: 'user' },
	sideEffects: {
		emits: [{ key: 'workflow.instance.paused', version: '1.0.0', payload: Instance }],
	},
});
const get = defineQuery({
	meta: { key: 'workflow.instance.get', version: '1.0.0' },
	io: { input: Input, output: Instance },
	policy: { auth: 'user' },
});
const resumed = defineEvent({
	meta: { key: 'workflow.instance.resumed', version: '1.0.0' },
	payload: Instance,
});
const feature = defineFeature({
	meta: { key: 'workflow', version: '1.0.0' },
	operations: [pause, get],
	events: [resumed],
});
const all = [pause, get, resumed, feature];

describe('snapshot', () => {
	it('is byte-identical for registries filled in different orders', () => {
		const a = serializeSnapshot(createSnapshot(createRegistry(all)));
		const b = serializeSnapshot(createSnapshot(createRegistry([...all].reverse())));
		const c = serializeSnapshot(createSnapshot(createRegistry([resumed, feature, pause, get])));
		expect(b).toBe(a);
		expect(c).toBe(a);
		expect(a.endsWith('}\n')).toBe(true);
	});

	it('writes the same text for the seed field form and the short syntax, field order kept', () => {
		const lockOf = (fields: Record<string, unknown>) =>
			serializeSnapshot(
				createSnapshot(
					createRegistry([
						defineQuery({
							meta: { key: 'workflow.instance.list', version: '1.0.0' },
							io: { input: Input, output: defineSchemaModel({ name: 'Page', fields } as never) },
							policy: { auth: 'user' },
						}),
					]),
				),
			);
		const seed = lockOf({
			items: { isArray: true, isOptional: false, type: Instance, description: 'The page.' },
			next: {
				description: 'Cursor.',
				isNullable: true,
				type: ScalarTypeEnum.String(),
				isOptional: true,
			},
		});
		const short = lockOf({
			items: f.ref(Instance).array().describe('The page.'),
			next: f.string().optional().nullable().describe('Cursor.'),
		});
		expect(short).toBe(seed);
		expect(seed.indexOf('"items"')).toBeLessThan(seed.indexOf('"next"'));
		expect(seed.replace(/\s+/g, '')).toContain(
			'"name":"String"},"isOptional":true,"isNullable":true,"description":"Cursor."',
		);
	});

	it('lists contracts by kind, key and version, with their JSON Schemas', () => {
		const snapshot = createSnapshot(createRegistry(all));
		expect(snapshot.contracts.map((c) => `${c.kind} ${c.key}@${c.version}`)).toEqual([
			'operation workflow.instance.get@1.0.0',
			'operation workflow.instance.pause@1.0.0',
			'event workflow.instance.resumed@1.0.0',
			'feature workflow@1.0.0',
		]);
		const pauseEntry = snapshot.contracts[1]!;
		expect(Object.keys(pauseEntry.schemas)).toEqual([
			'input',
			'output',
			'event:workflow.instance.paused@1.0.0',
		]);
		expect(pauseEntry.schemas.output).toMatchObject({
			title: 'Instance',
			$defs: { Status: { enum: ['RUNNING', 'PAUSED'] } },
		});
		expect(snapshot.contracts[3]!.schemas).toEqual({});
	});

	it('round-trips through serialize and parse', () => {
		const snapshot = createSnapshot(createRegistry(all));
		const text = serializeSnapshot(snapshot);
		expect(parseSnapshot(text)).toEqual(JSON.parse(text));
		expect(serializeSnapshot(parseSnapshot(text))).toBe(text);
	});

	describe('parseSnapshot refuses', () => {
		const refusal = (text: string) => {
			try {
				parseSnapshot(text, 'contracts.lock.json');
			} catch (error) {
				expect(error).toBeInstanceOf(SnapshotFormatError);
				return error as SnapshotFormatError;
			}
			throw new Error('expected a SnapshotFormatError');
		};

		it('corrupt JSON', () => {
			const error = refusal('{"format": "charter.contracts-lock", ');
			expect(error.code).toBe('CHARTER_LOCK_CORRUPT');
			expect(error.message).toMatch(/^contracts\.lock\.json is not valid JSON/);
		});

		it.each([['{"openapi": "3.1.0"}'], ['[]'], ['null'], ['"x"']])(
			'a foreign document %s',
			(text) => {
				expect(refusal(text).code).toBe('CHARTER_LOCK_FOREIGN');
			},
		);

		it('a newer format version, asking to upgrade', () => {
			const error = refusal(
				JSON.stringify({ format: 'charter.contracts-lock', formatVersion: 2, contracts: [] }),
			);
			expect(error.code).toBe('CHARTER_LOCK_TOO_NEW');
			expect(error.message).toContain('upgrade Charter');
		});

		it('a missing format version', () => {
			expect(
				refusal(JSON.stringify({ format: 'charter.contracts-lock', contracts: [] })).code,
			).toBe('CHARTER_LOCK_TOO_NEW');
		});

		it('a lockfile without a contracts list', () => {
			expect(
				refusal(JSON.stringify({ format: 'charter.contracts-lock', formatVersion: 1 })).code,
			).toBe('CHARTER_LOCK_CORRUPT');
		});
	});
});

describe('createSnapshot without schemas', () => {
	it('keeps every contract and its IR but derives no JSON Schema, for IR comparisons', () => {
		const registry = createRegistry([pause]);
		const full = createSnapshot(registry);
		const lean = createSnapshot(registry, { schemas: false });
		expect(lean.contracts.map((c) => c.spec)).toEqual(full.contracts.map((c) => c.spec));
		expect(lean.contracts.every((c) => Object.keys(c.schemas).length === 0)).toBe(true);
		expect(Object.keys(full.contracts[0]!.schemas)).toContain('input');
	});
});
