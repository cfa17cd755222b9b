import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ContractDefinitionError } from '../errors.ts';
import { defineEvent } from '../events/define-event.ts';
import { defineCommand, defineQuery, isOperationSpec } from './define-operation.ts';
import type {
	ErrorCodeOf,
	ErrorDataOf,
	ErrorsOf,
	EventsOf,
	InputOf,
	OutputOf,
} from './operation-types.ts';

const Input = defineSchemaModel({
	name: 'PauseInput',
	fields: {
		instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
		reason: { type: ScalarTypeEnum.String(), isOptional: true },
	},
});
const Output = defineSchemaModel({
	name: 'Instance',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const base = {
	meta: { key: 'workflow.instance.pause', version: '1.0.0' },
	io: { input: Input, output: Output },
	policy: { auth: 'user' },
} as const;

function contractError(define: () => unknown): ContractDefinitionError {
	try {
		define();
	} catch (error) {
		expect(error).toBeInstanceOf(ContractDefinitionError);
		return error as ContractDefinitionError;
	}
	throw new Error('expected a ContractDefinitionError, nothing was thrown');
}

describe('defineCommand', () => {
	it('normalizes a minimal command with defaults', () => {
		const spec = defineCommand(base);
		expect(spec).toEqual({
			kind: 'command',
			meta: {
				key: 'workflow.instance.pause',
				version: '1.0.0',
				stability: 'experimental',
				owners: [],
				tags: [],
			},
			io: { input: Input, output: Output },
			policy: { auth: 'user' },
			errors: {},
			sideEffects: { emits: [], audit: [] },
			acceptance: { scenarios: [], examples: [] },
			transport: {},
			idempotent: false,
			destructive: true,
		});
		expect(Object.isFrozen(spec)).toBe(true);
		expect(Object.isFrozen(spec.meta.owners)).toBe(true);
		expect(isOperationSpec(spec)).toBe(true);
	});

	it('is plain data: JSON round trip gives the same contract', () => {
		const spec = defineCommand({
			...base,
			errors: { INVALID_STATE: { status: 409, description: 'Not running.' } },
			sideEffects: {
				emits: [{ key: 'workflow.instance.paused', version: '1.0.0', payload: Output }],
				audit: ['workflow.instance.paused'],
			},
		});
		expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
	});

	it('normalizes roles given as a list to allOf', () => {
		const spec = defineCommand({ ...base, policy: { auth: 'admin', roles: ['ops', 'oncall'] } });
		expect(spec.policy).toEqual({ auth: 'admin', roles: { allOf: ['ops', 'oncall'] } });
	});

	it('accepts emitted events inline, as event contracts, and as { event, when }', () => {
		const Paused = defineEvent({
			meta: { key: 'workflow.instance.paused', version: '1.0.0' },
			payload: Output,
		});
		const spec = defineCommand({
			...base,
			sideEffects: {
				emits: [
					Paused,
					{ event: Paused, when: 'paused' },
					{ key: 'workflow.instance.touched', version: '2.0.0', when: 'always' },
				],
			},
		});
		expect(spec.sideEffects.emits).toEqual([
			{ key: 'workflow.instance.paused', version: '1.0.0', payload: Output },
			{ key: 'workflow.instance.paused', version: '1.0.0', payload: Output, when: 'paused' },
			{ key: 'workflow.instance.touched', version: '2.0.0', when: 'always' },
		]);
		expectTypeOf<EventsOf<typeof spec>['key']>().toEqualTypeOf<
			'workflow.instance.paused' | 'workflow.instance.touched'
		>();
	});

	it('infers input and output types for handlers', () => {
		const spec = defineCommand(base);
		expectTypeOf<InputOf<typeof spec>>().toEqualTypeOf<{ instanceId: string; reason?: string }>();
		expectTypeOf<OutputOf<typeof spec>>().toEqualTypeOf<{ id: string }>();
	});

	it('keeps the declared error codes in the type, for typed clients', () => {
		const spec = defineCommand({
			...base,
			errors: {
				NOT_FOUND: { status: 404, description: 'No such instance.' },
				INVALID_STATE: { status: 409, description: 'Not running.' },
			},
		});
		expectTypeOf<ErrorCodeOf<typeof spec>>().toEqualTypeOf<'NOT_FOUND' | 'INVALID_STATE'>();
		expect(Object.keys(spec.errors)).toEqual(['NOT_FOUND', 'INVALID_STATE']);
		const query = defineQuery({ ...base, errors: { GONE: { status: 410, description: 'Gone.' } } });
		expectTypeOf<ErrorCodeOf<typeof query>>().toEqualTypeOf<'GONE'>();
		const plain = defineCommand(base);
		expectTypeOf<ErrorCodeOf<typeof plain>>().toEqualTypeOf<never>();
	});

	it("converts an error's data given as a Standard Schema (Zod) into the IR, typed from it", () => {
		const spec = defineCommand({
			...base,
			errors: {
				INVALID_STATE: {
					status: 409,
					description: 'Not running.',
					data: z.object({ status: z.string(), since: z.iso.datetime().optional() }),
				},
			},
		});
		expect(spec.errors.INVALID_STATE?.data).toEqual({
			kind: 'model',
			name: 'WorkflowInstancePauseInvalidStateData',
			fields: {
				status: { type: { kind: 'scalar', name: 'String' }, isOptional: false },
				since: { type: { kind: 'scalar', name: 'DateTime' }, isOptional: true },
			},
		});
		expectTypeOf<ErrorDataOf<ErrorsOf<typeof spec>['INVALID_STATE']>>().toEqualTypeOf<{
			status: string;
			since?: string | undefined;
		}>();
		expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
	});

	describe('errors name the key and the field', () => {
		it.each([
			[
				'an upper-case key',
				{ key: 'Workflow.Pause', version: '1.0.0' },
				'CHARTER_INVALID_KEY',
				'Workflow.Pause',
				'meta.key',
			],
			[
				'an empty key segment',
				{ key: 'workflow..x', version: '1.0.0' },
				'CHARTER_INVALID_KEY',
				'workflow..x',
				'meta.key',
			],
			[
				'a trailing dot',
				{ key: 'workflow.', version: '1.0.0' },
				'CHARTER_INVALID_KEY',
				'workflow.',
				'meta.key',
			],
			[
				'a non-semver version',
				{ key: 'workflow.x', version: '1.0' },
				'CHARTER_INVALID_VERSION',
				'workflow.x',
				'meta.version',
			],
			[
				'a "v" prefix',
				{ key: 'workflow.x', version: 'v1.0.0' },
				'CHARTER_INVALID_VERSION',
				'workflow.x',
				'meta.version',
			],
			[
				'an unknown stability',
				{ key: 'workflow.x', version: '1.0.0', stability: 'gold' },
				'CHARTER_INVALID_STABILITY',
				'workflow.x',
				'meta.stability',
			],
			[
				'owners not a list',
				{ key: 'workflow.x', version: '1.0.0', owners: '@me' },
				'CHARTER_INVALID_META',
				'workflow.x',
				'meta.owners',
			],
		])('%s', (_label, meta, code, key, field) => {
			const error = contractError(() => defineCommand({ ...base, meta: meta as never }));
			expect(error.code).toBe(code);
			expect(error.key).toBe(key);
			expect(error.field).toBe(field);
			expect(error.message).toMatch(
				new RegExp(`^contract ${key.replaceAll('.', '\\.')}: ${field}: `),
			);
		});

		it('a missing meta', () => {
			const error = contractError(() => defineCommand({ ...base, meta: undefined as never }));
			expect(error.code).toBe('CHARTER_MISSING_META');
			expect(error.message).toBe(
				'contract (no key): meta: a contract needs a `meta` object with key and version',
			);
		});

		it('a missing policy (deny by default)', () => {
			const error = contractError(() => defineCommand({ ...base, policy: undefined as never }));
			expect(error).toMatchObject({
				code: 'CHARTER_INVALID_POLICY',
				key: 'workflow.instance.pause',
				field: 'policy.auth',
			});
			expect(error.message).toContain('deny by default');
		});

		it('an unknown auth level', () => {
			const error = contractError(() =>
				defineCommand({ ...base, policy: { auth: 'root' as never } }),
			);
			expect(error.message).toContain('"root" is not one of anonymous, user, admin');
		});

		it('roles that are neither a list nor { allOf, anyOf }', () => {
			const error = contractError(() =>
				defineCommand({ ...base, policy: { auth: 'user', roles: 'admin' as never } }),
			);
			expect(error).toMatchObject({ code: 'CHARTER_INVALID_POLICY', field: 'policy.roles' });
		});

		it('a missing io', () => {
			const error = contractError(() => defineCommand({ ...base, io: undefined as never }));
			expect(error).toMatchObject({ code: 'CHARTER_MISSING_IO', field: 'io' });
		});

		it('an undefined input type (a missing import), without repeating the field', () => {
			const error = contractError(() =>
				defineCommand({ ...base, io: { input: undefined as never, output: Output } }),
			);
			expect(error.code).toBe('CHARTER_UNKNOWN_TYPE');
			expect(error.message).toBe(
				'contract workflow.instance.pause: io.input: unknown type: undefined (is an import missing?)',
			);
		});

		it('an error code that is not UPPER_SNAKE_CASE', () => {
			const error = contractError(() =>
				defineCommand({ ...base, errors: { notFound: { status: 404, description: 'x' } } }),
			);
			expect(error).toMatchObject({ code: 'CHARTER_INVALID_ERROR_CODE', field: 'errors.notFound' });
		});

		it.each([[200], [600], [404.5], [undefined]])('an error status of %j', (status) => {
			const error = contractError(() =>
				defineCommand({
					...base,
					errors: { NOT_FOUND: { status: status as number, description: 'x' } },
				}),
			);
			expect(error).toMatchObject({
				code: 'CHARTER_INVALID_ERROR_STATUS',
				field: 'errors.NOT_FOUND.status',
			});
		});

		it('an emitted event without a version', () => {
			const error = contractError(() =>
				defineCommand({
					...base,
					sideEffects: { emits: [{ key: 'workflow.instance.paused' } as never] },
				}),
			);
			expect(error).toMatchObject({ code: 'CHARTER_INVALID_EMIT', field: 'sideEffects.emits[0]' });
		});

		it('an emitted event that is null', () => {
			const error = contractError(() =>
				defineCommand({ ...base, sideEffects: { emits: [Output as never, null as never] } }),
			);
			expect(error).toMatchObject({ code: 'CHARTER_INVALID_EMIT', key: 'workflow.instance.pause' });
		});

		it('an emitted event payload that is not a type', () => {
			const error = contractError(() =>
				defineCommand({
					...base,
					sideEffects: { emits: [{ key: 'a.b', version: '1.0.0', payload: 'Instance' as never }] },
				}),
			);
			expect(error).toMatchObject({
				code: 'CHARTER_UNKNOWN_TYPE',
				field: 'sideEffects.emits[0].payload',
			});
		});
	});
});

describe('defineQuery', () => {
	it('defaults to idempotent and not destructive', () => {
		const spec = defineQuery({ ...base, meta: { key: 'workflow.instance.get', version: '1.0.0' } });
		expect(spec).toMatchObject({ kind: 'query', idempotent: true, destructive: false });
	});

	it('refuses to emit events, naming the key and the field', () => {
		const error = contractError(() =>
			defineQuery({
				...base,
				meta: { key: 'workflow.instance.get', version: '1.0.0' },
				sideEffects: { emits: [{ key: 'a.b', version: '1.0.0' }] as never },
			}),
		);
		expect(error).toMatchObject({
			code: 'CHARTER_QUERY_EMITS',
			key: 'workflow.instance.get',
			field: 'sideEffects.emits',
		});
	});
});
