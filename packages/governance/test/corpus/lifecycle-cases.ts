import { defineSchemaModel } from '@charter/schema';
import type { Deprecation } from '@charter/spec';
import { type CorpusCase, command, S, verdicts } from './corpus-case.ts';

const deprecated = (deprecation: Deprecation) =>
	command({
		meta: { key: 'corpus.thing.do', version: '1.0.0', stability: 'deprecated', deprecation },
	});
const conflict = (withData: boolean) => ({
	errors: {
		CONFLICT: {
			status: 409,
			description: 'Busy.',
			...(withData
				? {
						data: defineSchemaModel({
							name: 'ConflictData',
							fields: { holder: { type: S.ID(), isOptional: false } },
						}),
					}
				: {}),
		},
	},
});

/**
 * The deprecation lifecycle (sunsets and the policy's shortest deprecation period), the error
 * catalogue, policies per role and tenant, and transport overrides, each with its verdicts.
 */
export const LIFECYCLE_CASES: readonly CorpusCase[] = [
	{
		name: 'deprecation: sunset moved earlier',
		before: [deprecated({ reason: 'old', sunset: '2027-06-01' })],
		after: [deprecated({ reason: 'old', sunset: '2027-03-01' })],
		now: '2026-12-01',
		expected: ['sunset-moved-earlier:dangerous@$.meta.deprecation.sunset'],
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'deprecation: sunset moved later',
		before: [deprecated({ reason: 'old', sunset: '2027-03-01' })],
		after: [deprecated({ reason: 'old', sunset: '2027-06-01' })],
		now: '2026-12-01',
		expected: ['deprecation-changed:info@$.meta.deprecation'],
	},
	{
		name: 'deprecation: sunset sooner than the policy period',
		before: [command()],
		after: [deprecated({ reason: 'old', sunset: '2027-01-01' })],
		now: '2026-12-01',
		minimumDeprecationDays: 90,
		expected: ['contract-deprecated:info', 'deprecation-too-short:breaking@$.meta.deprecation'],
		surfaces: [undefined, verdicts('breaking')],
	},
	{
		name: 'deprecation: sunset at the policy period',
		before: [command()],
		after: [deprecated({ reason: 'old', sunset: '2027-03-01' })],
		now: '2026-12-01',
		minimumDeprecationDays: 90,
		expected: ['contract-deprecated:info', 'deprecation-changed:info@$.meta.deprecation'],
	},
	{
		name: 'deprecation: removed past a sunset that kept the policy period',
		before: [deprecated({ reason: 'old', since: '2026-01-01', sunset: '2026-06-01' })],
		after: [],
		now: '2026-12-01',
		minimumDeprecationDays: 90,
		expected: ['contract-removed:info@$'],
	},
	{
		name: 'deprecation: removed past a sunset, deprecated for less than the policy period',
		before: [deprecated({ reason: 'old', since: '2026-05-01', sunset: '2026-06-01' })],
		after: [],
		now: '2026-12-01',
		minimumDeprecationDays: 90,
		expected: ['contract-removed:breaking@$'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'deprecation: removed while deprecated without a sunset date',
		before: [deprecated({ reason: 'old', replacedBy: 'corpus.thing.redo' })],
		after: [],
		expected: ['contract-removed:dangerous@$'],
	},
	{
		name: 'deprecation withdrawn: the contract is stable again',
		before: [deprecated({ reason: 'old', sunset: '2027-06-01' })],
		after: [command()],
		now: '2026-12-01',
		expected: [
			'stability-raised:info@$.meta.stability',
			'deprecation-changed:info@$.meta.deprecation',
		],
	},
	{
		name: 'error catalogue: an error gained data',
		before: [command(conflict(false))],
		after: [command(conflict(true))],
		expected: ['error-data-changed:dangerous@$.errors.CONFLICT.data'],
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'error catalogue: an error lost its data',
		before: [command(conflict(true))],
		after: [command(conflict(false))],
		expected: ['error-data-changed:breaking@$.errors.CONFLICT.data'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'error catalogue: a code removed and another added in its place',
		before: [command(conflict(false))],
		after: [command({ errors: { BUSY: { status: 409, description: 'Busy.' } } })],
		expected: ['error-removed:info@$.errors.CONFLICT', 'error-added:dangerous@$.errors.BUSY'],
		surfaces: [verdicts('info'), verdicts('dangerous')],
	},
	{
		name: 'policy: a role alternative dropped shuts its holders out',
		before: [command({ policy: { auth: 'user', roles: { anyOf: ['ops', 'support'] } } })],
		after: [command({ policy: { auth: 'user', roles: { anyOf: ['ops'] } } })],
		expected: ['role-added:breaking@$.policy.roles.anyOf'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'policy: a role alternative added lets more callers in',
		before: [command({ policy: { auth: 'user', roles: { anyOf: ['ops'] } } })],
		after: [command({ policy: { auth: 'user', roles: { anyOf: ['ops', 'support'] } } })],
		expected: ['role-removed:dangerous@$.policy.roles.anyOf'],
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'policy: a custom rule added',
		before: [command()],
		after: [command({ policy: { auth: 'user', rules: ['owns-thing'] } })],
		expected: ['auth-tightened:breaking@$.policy.rules'],
		surfaces: [verdicts('breaking')],
	},
	{
		name: 'policy: tenant required -> optional',
		before: [command({ policy: { auth: 'user', tenant: 'required' } })],
		after: [command({ policy: { auth: 'user', tenant: 'optional' } })],
		expected: ['auth-loosened:dangerous@$.policy.tenant'],
		surfaces: [verdicts('dangerous')],
	},
	{
		name: 'transport: an override that spells the default name is no change',
		before: [command()],
		after: [
			command({
				transport: {
					rest: { method: 'POST', path: '/v1/corpus/thing/do' },
					graphql: { field: 'corpusThingDo' },
					mcp: { tool: 'corpus_thing_do' },
				},
			}),
		],
		expected: [],
	},
	{
		name: 'transport: a REST-only override moves REST, OpenAPI and the SDK only',
		before: [command()],
		after: [command({ transport: { rest: { path: '/things/do' } } })],
		expected: ['rest-route-changed:breaking@$.transport.rest'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: an input field moved from the body to a header',
		before: [command()],
		after: [
			command({ transport: { rest: { parameters: { id: { in: 'header', name: 'X-Id' } } } } }),
		],
		expected: ['rest-wire-changed:breaking@$.transport.rest.parameters.id'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: a header parameter becomes a JSON document',
		before: [command({ transport: { rest: { parameters: { id: { in: 'header' } } } } })],
		after: [
			command({
				transport: { rest: { parameters: { id: { in: 'header', content: 'application/json' } } } },
			}),
		],
		expected: ['rest-wire-changed:breaking@$.transport.rest.parameters.id'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: a form body accepted beside JSON',
		before: [command()],
		after: [
			command({
				transport: {
					rest: { bodyMediaTypes: ['application/json', 'application/x-www-form-urlencoded'] },
				},
			}),
		],
		expected: ['rest-wire-changed:safe@$.transport.rest.bodyMediaTypes'],
		surfaces: [{ rest: 'safe', openapi: 'safe', sdk: 'safe' }],
	},
	{
		name: 'transport: the success status 200 -> 204',
		before: [command()],
		after: [command({ transport: { rest: { status: 204 } } })],
		expected: ['rest-wire-changed:breaking@$.transport.rest.status'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: a declared response header is dropped',
		before: [command({ transport: { rest: { response: { headers: { Location: {} } } } } })],
		after: [command()],
		expected: ['rest-wire-changed:breaking@$.transport.rest.response.headers.location'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: the handler may answer a new success status',
		before: [command({ transport: { rest: { status: 201 } } })],
		after: [command({ transport: { rest: { status: 201, response: { statuses: [202] } } } })],
		expected: ['rest-wire-changed:dangerous@$.transport.rest.response.statuses'],
		surfaces: [{ rest: 'dangerous', openapi: 'dangerous', sdk: 'dangerous' }],
	},
	{
		name: "transport: a cookie's attributes change",
		before: [command({ transport: { rest: { response: { cookies: { sid: {} } } } } })],
		after: [
			command({ transport: { rest: { response: { cookies: { sid: { sameSite: 'Strict' } } } } } }),
		],
		expected: ['rest-wire-changed:breaking@$.transport.rest.response.cookies.sid'],
		surfaces: [{ rest: 'breaking', openapi: 'breaking', sdk: 'breaking' }],
	},
	{
		name: 'transport: a cookie is added',
		before: [command()],
		after: [command({ transport: { rest: { response: { cookies: { sid: {} } } } } })],
		expected: ['rest-wire-changed:safe@$.transport.rest.response.cookies.sid'],
		surfaces: [{ rest: 'safe', openapi: 'safe', sdk: 'safe' }],
	},
];
