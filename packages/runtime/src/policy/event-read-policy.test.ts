import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineCommand, defineEvent } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../context/principal.ts';
import { compileEventReadPolicy } from './event-read-policy.ts';

const Payload = defineSchemaModel({
	name: 'Note',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const Noted = defineEvent({ meta: { key: 'note.noted', version: '1.0.0' }, payload: Payload });
const Open = defineEvent({
	meta: { key: 'note.opened', version: '1.0.0' },
	payload: Payload,
	policy: { auth: 'user' },
});
const emitter = (key: string, policy: Parameters<typeof defineCommand>[0]['policy']) =>
	defineCommand({
		meta: { key, version: '1.0.0' },
		io: { input: Payload, output: Payload },
		policy,
		sideEffects: { emits: [Noted, Open] },
	});

const registry = createRegistry();
for (const spec of [
	Noted,
	Open,
	emitter('note.write', { auth: 'user', roles: ['editor'], rules: ['owner'] }),
	emitter('note.purge', { auth: 'admin' }),
]) {
	registry.register(spec);
}
const as = (roles: string[]): Principal => ({ id: 'u', roles, permissions: [], tenant: 't' });

describe('an event read policy', () => {
	it('derived: a caller one emitting operation admits (rules aside) receives it; others are 403, anonymous 401', () => {
		const policy = compileEventReadPolicy(registry, 'note.noted', '1.0.0');
		expect(policy.decide(as(['editor'])).allowed).toBe(true);
		expect(policy.decide(as(['admin'])).allowed).toBe(true);
		expect(policy.decide(as(['viewer']))).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
		expect(policy.decide(undefined)).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
		expect(policy.description).toContain('note.purge, note.write');
	});

	it('declared on the event: it wins over the emitters', () => {
		const policy = compileEventReadPolicy(registry, 'note.opened', '1.0.0');
		expect(policy.decide(as(['viewer'])).allowed).toBe(true);
		expect(policy.decide(undefined)).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
	});

	it('an event no operation emits needs an authenticated caller', () => {
		const lonely = createRegistry();
		lonely.register(Noted);
		const policy = compileEventReadPolicy(lonely, 'note.noted', '1.0.0');
		expect(policy.decide(as([])).allowed).toBe(true);
		expect(policy.decide(undefined).allowed).toBe(false);
	});

	it('an event policy naming rules is a definition error', () => {
		expect(() =>
			defineEvent({
				meta: { key: 'note.bad', version: '1.0.0' },
				payload: Payload,
				policy: { auth: 'user', rules: ['x'] } as never,
			}),
		).toThrow(/rules/);
	});
});
