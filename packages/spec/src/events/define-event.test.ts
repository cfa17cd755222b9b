import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { ContractDefinitionError } from '../errors.ts';
import { defineFeature } from '../features/define-feature.ts';
import { defineCommand } from '../operations/define-operation.ts';
import { defineEvent, isEventSpec } from './define-event.ts';

const Payload = defineSchemaModel({
	name: 'Paused',
	fields: { email: { type: ScalarTypeEnum.EmailAddress(), isOptional: false } },
});

describe('defineEvent', () => {
	it('normalizes the meta and keeps the payload and PII pointers', () => {
		const event = defineEvent({
			meta: { key: 'workflow.instance.paused', version: '1.0.0', stability: 'stable' },
			payload: Payload,
			pii: ['/email'],
		});
		expect(event).toEqual({
			kind: 'event',
			meta: {
				key: 'workflow.instance.paused',
				version: '1.0.0',
				stability: 'stable',
				owners: [],
				tags: [],
			},
			payload: Payload,
			pii: ['/email'],
		});
		expect(isEventSpec(event)).toBe(true);
	});

	it('refuses a PII entry that is not a JSON pointer', () => {
		expect(() =>
			defineEvent({ meta: { key: 'a.b', version: '1.0.0' }, payload: Payload, pii: ['email'] }),
		).toThrow('contract a.b: pii: "email" is not a JSON pointer like "/email"');
	});

	it('refuses a missing payload type, naming the key and field', () => {
		expect(() =>
			defineEvent({ meta: { key: 'a.b', version: '1.0.0' }, payload: undefined as never }),
		).toThrow(
			expect.objectContaining({ code: 'CHARTER_UNKNOWN_TYPE', key: 'a.b', field: 'payload' }),
		);
	});

	it('refuses an invalid key like every contract', () => {
		expect(() => defineEvent({ meta: { key: 'A.b', version: '1.0.0' }, payload: Payload })).toThrow(
			ContractDefinitionError,
		);
	});
});

describe('defineFeature', () => {
	const Paused = defineEvent({
		meta: { key: 'workflow.instance.paused', version: '1.0.0' },
		payload: Payload,
	});
	const Pause = defineCommand({
		meta: { key: 'workflow.instance.pause', version: '1.2.0' },
		io: { input: Payload, output: Payload },
		policy: { auth: 'user' },
	});

	it('keeps references to its members, never copies', () => {
		const feature = defineFeature({
			meta: { key: 'workflow.instances', version: '1.0.0' },
			operations: [Pause, { key: 'workflow.instance.resume', version: '1.0.0' }],
			events: [Paused],
		});
		expect(feature.members).toEqual([
			{ kind: 'operation', key: 'workflow.instance.pause', version: '1.2.0' },
			{ kind: 'operation', key: 'workflow.instance.resume', version: '1.0.0' },
			{ kind: 'event', key: 'workflow.instance.paused', version: '1.0.0' },
		]);
	});

	it.each([
		['a reference without a version', { key: 'x' }],
		['null', null],
	])('refuses %s as a member, naming the feature and the index', (_label, member) => {
		expect(() =>
			defineFeature({
				meta: { key: 'workflow.instances', version: '1.0.0' },
				operations: [Pause, member as never],
			}),
		).toThrow(
			expect.objectContaining({
				code: 'CHARTER_INVALID_FEATURE_MEMBER',
				message: 'contract workflow.instances: operations[1]: needs a contract or { key, version }',
			}),
		);
	});
});
