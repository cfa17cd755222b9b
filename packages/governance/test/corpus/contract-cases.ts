import { defineSchemaModel, listOf } from '@charter/schema';
import { defineEvent, defineFeature, defineQuery } from '@charter/spec';
import {
	Color,
	ColorMinus,
	ColorPlus,
	type CorpusCase,
	command,
	model,
	S,
	verdicts,
} from './corpus-case.ts';

const Instance = model('Instance', {
	id: { type: S.ID(), isOptional: false },
	status: { type: Color, isOptional: false },
});
const InstancePlus = model('Instance', {
	id: { type: S.ID(), isOptional: false },
	status: { type: ColorPlus, isOptional: false },
});
const emitWith = (payload: typeof Instance, version = '1.0.0') => ({
	sideEffects: { emits: [{ key: 'corpus.thing.done', version, payload }] },
});
const event = (payload: typeof Instance, version = '1.0.0') =>
	defineEvent({ meta: { key: 'corpus.thing.done', version, stability: 'stable' }, payload });
const errorData = (fields: Parameters<typeof model>[1]) =>
	defineSchemaModel({ name: 'ConflictData', fields });
const query = () =>
	defineQuery({
		meta: { key: 'corpus.thing.do', version: '1.0.0', stability: 'stable' },
		io: { input: model('In', { id: { type: S.ID(), isOptional: false } }), output: Instance },
		policy: { auth: 'user' },
	});

/** Contract-level changes: removal, kind, wire names, policy, errors, events, stability, metadata. */
export const CONTRACT_CASES: readonly CorpusCase[] = [
	{
		name: 'contract added',
		before: [],
		after: [command()],
		expected: ['contract-added:safe@$'],
	},
	{
		name: 'contract removed without prior deprecation',
		before: [command()],
		after: [],
		expected: ['contract-removed:breaking@$'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'deprecated contract removed past its sunset',
		before: [
			command({
				meta: {
					key: 'corpus.thing.do',
					version: '1.0.0',
					stability: 'deprecated',
					deprecation: { reason: 'old', sunset: '2025-01-01' },
				},
			}),
		],
		after: [],
		now: '2026-01-01',
		expected: ['contract-removed:info@$'],
	},
	{
		name: 'deprecated contract removed before its sunset',
		before: [
			command({
				meta: {
					key: 'corpus.thing.do',
					version: '1.0.0',
					stability: 'deprecated',
					deprecation: { reason: 'old', sunset: '2027-01-01' },
				},
			}),
		],
		after: [],
		now: '2026-01-01',
		expected: ['contract-removed:breaking@$'],
	},
	{
		name: 'kind changed (command -> query): the method, the root type and the events move too',
		before: [command({ output: Instance, ...emitWith(Instance) })],
		after: [query()],
		expected: [
			'kind-changed:breaking@$.kind',
			'rest-route-changed:breaking@$.transport.rest',
			'graphql-field-changed:breaking@$.transport.graphql',
			'event-removed:breaking@$.sideEffects.emits.corpus.thing.done',
			'metadata-changed:info@$.meta.owners',
			'metadata-changed:info@$.meta.description',
			'metadata-changed:info@$.meta.goal',
			// A query is idempotent by definition.
			'idempotency-changed:info@$.idempotent',
		],
		surfaces: [
			verdicts('breaking'),
			{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' },
			{ graphql: 'breaking' },
			{ events: 'breaking', graphql: 'breaking' },
		],
	},
	{
		name: 'REST method changed',
		before: [command()],
		after: [command({ transport: { rest: { method: 'PUT' } } })],
		expected: ['rest-route-changed:breaking@$.transport.rest'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'REST path changed',
		before: [command()],
		after: [command({ transport: { rest: { path: '/v1/things/{id}/do' } } })],
		expected: ['rest-route-changed:breaking@$.transport.rest'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'GraphQL field and MCP tool renamed',
		before: [command()],
		after: [command({ transport: { graphql: { field: 'doThing' }, mcp: { tool: 'do_thing' } } })],
		expected: ['graphql-field-changed:breaking', 'mcp-tool-changed:breaking'],
		surfaces: [{ graphql: 'breaking' }, { mcp: 'breaking' }],
	},
	{
		name: 'auth tightened user -> admin',
		before: [command()],
		after: [command({ policy: { auth: 'admin' } })],
		expected: ['auth-tightened:breaking@$.policy.auth'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'auth loosened user -> anonymous',
		before: [command()],
		after: [command({ policy: { auth: 'anonymous' } })],
		expected: ['auth-loosened:dangerous@$.policy.auth'],
	},
	{
		name: 'tenant now required',
		before: [command()],
		after: [command({ policy: { auth: 'user', tenant: 'required' } })],
		expected: ['auth-tightened:breaking@$.policy.tenant'],
	},
	{
		name: 'role added',
		before: [command()],
		after: [command({ policy: { auth: 'user', roles: ['ops'] } })],
		expected: ['role-added:breaking@$.policy.roles'],
	},
	{
		name: 'role removed',
		before: [command({ policy: { auth: 'user', roles: ['ops', 'admin'] } })],
		after: [command({ policy: { auth: 'user', roles: ['ops'] } })],
		expected: ['role-removed:dangerous@$.policy.roles'],
	},
	{
		name: 'permission added',
		before: [command()],
		after: [command({ policy: { auth: 'user', permissions: ['thing:write'] } })],
		expected: ['permission-added:breaking@$.policy.permissions'],
	},
	{
		name: 'permission removed',
		before: [command({ policy: { auth: 'user', permissions: ['thing:write'] } })],
		after: [command()],
		expected: ['permission-removed:dangerous@$.policy.permissions'],
	},
	{
		name: 'declared error added',
		before: [command()],
		after: [command({ errors: { CONFLICT: { status: 409, description: 'Busy.' } } })],
		expected: ['error-added:dangerous@$.errors.CONFLICT'],
	},
	{
		name: 'declared error removed',
		before: [command({ errors: { CONFLICT: { status: 409, description: 'Busy.' } } })],
		after: [command()],
		expected: ['error-removed:info@$.errors.CONFLICT'],
	},
	{
		name: 'declared error status changed',
		before: [command({ errors: { CONFLICT: { status: 409, description: 'Busy.' } } })],
		after: [command({ errors: { CONFLICT: { status: 422, description: 'Busy.' } } })],
		expected: ['error-status-changed:breaking@$.errors.CONFLICT.status'],
		surfaces: [verdicts('breaking', { graphql: 'dangerous', mcp: 'dangerous' })],
	},
	{
		name: 'error data is response data: a field made optional is breaking',
		before: [
			command({
				errors: {
					CONFLICT: {
						status: 409,
						description: 'Busy.',
						data: errorData({ holder: { type: S.ID(), isOptional: false } }),
					},
				},
			}),
		],
		after: [
			command({
				errors: {
					CONFLICT: {
						status: 409,
						description: 'Busy.',
						data: errorData({ holder: { type: S.ID(), isOptional: true } }),
					},
				},
			}),
		],
		expected: ['field-made-optional:breaking@$.errors.CONFLICT.data.holder'],
	},
	{
		name: 'emitted event removed',
		before: [command(emitWith(Instance))],
		after: [command()],
		expected: ['event-removed:breaking@$.sideEffects.emits.corpus.thing.done'],
		surfaces: [{ events: 'breaking', graphql: 'breaking' }],
	},
	{
		name: 'emitted event added',
		before: [command()],
		after: [command(emitWith(Instance))],
		expected: ['event-added:safe@$.sideEffects.emits.corpus.thing.done'],
	},
	{
		name: 'emitted event payload is response data: enum value added is dangerous',
		before: [command(emitWith(Instance))],
		after: [command(emitWith(InstancePlus))],
		expected: ['enum-value-added:dangerous@$.sideEffects.emits.corpus.thing.done.payload.status'],
		surfaces: [{ events: 'dangerous', graphql: 'dangerous' }],
	},
	{
		name: 'emitted event moved to a new major',
		before: [command(emitWith(Instance))],
		after: [command(emitWith(Instance, '2.0.0'))],
		expected: ['event-version-changed:breaking'],
	},
	{
		name: 'event contract payload: field removed',
		before: [event(Instance)],
		after: [event(model('Instance', { id: { type: S.ID(), isOptional: false } }))],
		expected: ['field-removed:breaking@$.payload.status'],
	},
	{
		name: 'stability lowered stable -> beta',
		before: [command()],
		after: [command({ meta: { key: 'corpus.thing.do', version: '1.0.0', stability: 'beta' } })],
		expected: ['stability-lowered:dangerous@$.meta.stability'],
	},
	{
		name: 'contract deprecated',
		before: [command()],
		after: [
			command({
				meta: {
					key: 'corpus.thing.do',
					version: '1.0.0',
					stability: 'deprecated',
					deprecation: { reason: 'use v2', replacedBy: 'corpus.thing.do@2.0.0' },
				},
			}),
		],
		expected: ['contract-deprecated:info', 'deprecation-changed:info@$.meta.deprecation'],
	},
	{
		name: 'metadata text changed',
		before: [command()],
		after: [
			command({
				meta: { key: 'corpus.thing.do', version: '1.0.0', description: 'Does it better.' },
			}),
		],
		expected: ['metadata-changed:info@$.meta.description'],
	},
	{
		name: 'operation no longer idempotent',
		before: [command({ idempotent: true })],
		after: [command({ idempotent: false })],
		expected: ['idempotency-changed:dangerous@$.idempotent'],
		// REST, GraphQL and MCP all take an idempotency key.
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'feature lost a member',
		before: [
			defineFeature({
				meta: { key: 'corpus.feature', version: '1.0.0' },
				operations: [command()],
			}),
		],
		after: [defineFeature({ meta: { key: 'corpus.feature', version: '1.0.0' }, operations: [] })],
		expected: ['feature-member-changed:info@$.members'],
	},
	{
		name: 'deep change: enum value removed in a list inside a list inside the input',
		before: [
			command({
				input: model('In', {
					groups: {
						type: listOf(listOf(model('Cell', { c: { type: Color, isOptional: false } }))),
						isOptional: false,
					},
				}),
			}),
		],
		after: [
			command({
				input: model('In', {
					groups: {
						type: listOf(listOf(model('Cell', { c: { type: ColorMinus, isOptional: false } }))),
						isOptional: false,
					},
				}),
			}),
		],
		expected: ['enum-value-removed:breaking@$.input.groups[*][*].c'],
	},
	{
		name: 'major bump moves every wire name',
		before: [command()],
		after: [command({ version: '2.0.0' })],
		expected: [
			'version-changed:info',
			'rest-route-changed:breaking',
			'graphql-field-changed:breaking',
			'mcp-tool-changed:breaking',
		],
	},
];
