import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { ContractDefinitionError } from '../errors.ts';
import { defineEvent } from '../events/define-event.ts';
import type { Stability } from '../meta/meta.ts';
import { defineCommand, defineQuery } from '../operations/define-operation.ts';
import { ContractRegistry, createRegistry } from './contract-registry.ts';

const Model = defineSchemaModel({
	name: 'M',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const command = (key: string, version: string, stability: Stability = 'stable') =>
	defineCommand({
		meta: { key, version, stability },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
	});
const query = (key: string, version: string) =>
	defineQuery({
		meta: { key, version, stability: 'stable' },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
	});
const event = (key: string, version: string) =>
	defineEvent({ meta: { key, version }, payload: Model });

describe('ContractRegistry', () => {
	it('finds a contract by exact kind, key and version', () => {
		const pause = command('workflow.instance.pause', '1.0.0');
		const registry = createRegistry([pause, event('workflow.instance.pause', '1.0.0')]);
		expect(registry.get('operation', 'workflow.instance.pause', '1.0.0')?.spec).toBe(pause);
		expect(registry.get('event', 'workflow.instance.pause', '1.0.0')?.spec.kind).toBe('event');
		expect(registry.get('operation', 'workflow.instance.pause', '1.0.1')).toBeUndefined();
		expect(registry.get('feature', 'workflow.instance.pause', '1.0.0')).toBeUndefined();
		expect(registry.size).toBe(2);
	});

	it('keeps the file and export a contract came from', () => {
		const registry = new ContractRegistry();
		const entry = registry.register(command('a.b', '1.0.0'), {
			file: 'src/a.ts',
			exportName: 'AB',
		});
		expect(entry).toMatchObject({ file: 'src/a.ts', exportName: 'AB' });
	});

	describe('latest', () => {
		it('matches the exact key, never a prefix (user does not find user.verify)', () => {
			const registry = createRegistry([command('user.verify', '1.0.0'), command('users', '1.0.0')]);
			expect(registry.latest('operation', 'user')).toBeUndefined();
			registry.register(command('user', '1.0.0'));
			expect(registry.latest('operation', 'user')?.spec.meta.key).toBe('user');
			expect(registry.latest('operation', 'user.verif')).toBeUndefined();
		});

		it('prefers the newest stable version over a newer beta', () => {
			const registry = createRegistry([
				command('x.y', '2.0.0-beta.1', 'beta'),
				command('x.y', '1.10.0'),
				command('x.y', '1.9.0'),
				command('x.y', '3.0.0', 'beta'),
			]);
			expect(registry.latest('operation', 'x.y')?.spec.meta.version).toBe('1.10.0');
		});

		it('falls back to the newest non-deprecated, then to the newest of all', () => {
			const some = createRegistry([
				command('x.y', '1.0.0', 'beta'),
				command('x.y', '2.0.0', 'deprecated'),
			]);
			expect(some.latest('operation', 'x.y')?.spec.meta.version).toBe('1.0.0');
			const only = createRegistry([
				command('x.y', '1.0.0', 'deprecated'),
				command('x.y', '2.0.0', 'deprecated'),
			]);
			expect(only.latest('operation', 'x.y')?.spec.meta.version).toBe('2.0.0');
		});

		it('lists versions oldest first by semver, not by string', () => {
			const registry = createRegistry([
				command('x.y', '1.10.0'),
				command('x.y', '1.2.0'),
				command('x.y', '1.2.0-rc.1'),
			]);
			expect(registry.versions('operation', 'x.y').map((e) => e.spec.meta.version)).toEqual([
				'1.2.0-rc.1',
				'1.2.0',
				'1.10.0',
			]);
		});
	});

	describe('duplicates', () => {
		it('refuses the same key and version twice, naming both definitions', () => {
			const registry = new ContractRegistry();
			registry.register(command('a.b', '1.0.0'), { file: 'src/a.ts', exportName: 'First' });
			try {
				registry.register(command('a.b', '1.0.0'), { file: 'src/b.ts', exportName: 'Second' });
				expect.unreachable('a duplicate was accepted');
			} catch (error) {
				expect(error).toBeInstanceOf(ContractDefinitionError);
				const e = error as ContractDefinitionError;
				expect(e.code).toBe('CHARTER_DUPLICATE_CONTRACT');
				expect(e.key).toBe('a.b');
				expect(e.message).toContain('operation a.b@1.0.0 is defined twice');
				expect(e.message).toContain('src/a.ts, export First');
				expect(e.message).toContain('src/b.ts, export Second');
			}
		});

		it('puts commands and queries in one operation namespace', () => {
			const registry = createRegistry([command('a.b', '1.0.0')]);
			expect(() => registry.register(query('a.b', '1.0.0'))).toThrow(/command.*and query/);
		});

		it('lets an event share a key with an operation', () => {
			expect(() => createRegistry([command('a.b', '1.0.0'), event('a.b', '1.0.0')])).not.toThrow();
		});

		it('accepts registering the very same contract object twice', () => {
			const spec = command('a.b', '1.0.0');
			const registry = createRegistry([spec, spec]);
			expect(registry.size).toBe(1);
		});
	});

	it('lists everything sorted by kind, key and version whatever the order of registration', () => {
		const specs = [
			event('b.e', '1.0.0'),
			command('b.a', '2.0.0'),
			query('a.z', '1.0.0'),
			command('b.a', '1.0.0'),
		];
		const order = (r: ContractRegistry) =>
			r.all().map((e) => `${e.spec.kind} ${e.spec.meta.key}@${e.spec.meta.version}`);
		const expected = [
			'query a.z@1.0.0',
			'command b.a@1.0.0',
			'command b.a@2.0.0',
			'event b.e@1.0.0',
		];
		expect(order(createRegistry(specs))).toEqual(expected);
		expect(order(createRegistry([...specs].reverse()))).toEqual(expected);
		const registry = createRegistry(specs);
		expect(registry.operations()).toHaveLength(3);
		expect(registry.events()).toHaveLength(1);
		expect(registry.features()).toHaveLength(0);
	});
});
