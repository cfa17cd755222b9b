import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { defineEvent } from '../events/define-event.ts';
import { defineFeature } from '../features/define-feature.ts';
import { defineCommand } from '../operations/define-operation.ts';
import { ContractRegistry, createRegistry } from './contract-registry.ts';
import { checkReferences } from './reference-check.ts';

const Model = defineSchemaModel({
	name: 'M',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const Paused = defineEvent({
	meta: { key: 'workflow.instance.paused', version: '1.0.0' },
	payload: Model,
});
const pause = (sideEffects: { emits?: never[]; audit?: string[] } | Record<string, unknown>) =>
	defineCommand({
		meta: { key: 'workflow.instance.pause', version: '1.0.0' },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
		sideEffects: sideEffects as never,
	});

describe('checkReferences', () => {
	it('accepts an event declared inline with a payload, and one that is registered', () => {
		const registry = createRegistry([
			pause({
				emits: [
					{ key: 'workflow.instance.paused', version: '1.0.0' },
					{ key: 'workflow.instance.touched', version: '1.0.0', payload: Model },
				],
				audit: ['workflow.instance.paused', 'workflow.instance.touched'],
			}),
			Paused,
		]);
		expect(checkReferences(registry)).toEqual([]);
	});

	it('reports an emitted event that has no payload and is not registered', () => {
		const registry = new ContractRegistry();
		registry.register(pause({ emits: [{ key: 'workflow.instance.paused', version: '2.0.0' }] }), {
			file: 'src/pause.ts',
		});
		registry.register(Paused);
		expect(checkReferences(registry)).toEqual([
			{
				code: 'unknown-event',
				key: 'workflow.instance.pause',
				version: '1.0.0',
				file: 'src/pause.ts',
				field: 'sideEffects.emits[0]',
				message:
					'event workflow.instance.paused@2.0.0 is neither declared with a payload nor registered',
			},
		]);
	});

	it('reports an audit key that is neither emitted nor registered', () => {
		const registry = createRegistry([pause({ audit: ['workflow.instance.pausd'] })]);
		expect(checkReferences(registry)).toMatchObject([
			{
				code: 'unknown-audit-event',
				field: 'sideEffects.audit[0]',
				message: expect.stringContaining('workflow.instance.pausd'),
			},
		]);
	});

	it('accepts an audit key of a registered event the command does not emit', () => {
		expect(
			checkReferences(createRegistry([pause({ audit: ['workflow.instance.paused'] }), Paused])),
		).toEqual([]);
	});

	it('reports a feature member that is not registered (wrong version or kind)', () => {
		const command = pause({});
		const feature = defineFeature({
			meta: { key: 'workflow.instances', version: '1.0.0' },
			operations: [command, { key: 'workflow.instance.pause', version: '9.0.0' }],
			events: [{ key: 'workflow.instance.pause', version: '1.0.0' }],
		});
		expect(checkReferences(createRegistry([command, feature]))).toEqual([
			expect.objectContaining({
				code: 'unknown-feature-member',
				key: 'workflow.instances',
				field: 'members[1]',
				message: 'operation workflow.instance.pause@9.0.0 is not registered',
			}),
			expect.objectContaining({
				field: 'members[2]',
				message: 'event workflow.instance.pause@1.0.0 is not registered',
			}),
		]);
	});
});
