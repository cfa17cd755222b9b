import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { defineCommand, defineQuery } from '../operations/define-operation.ts';
import type { TransportOverrides } from '../operations/operation-types.ts';
import { graphqlFieldName, pathParameters, wireNames } from './wire-names.ts';

const Model = defineSchemaModel({
	name: 'M',
	fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } },
});
const command = (key: string, version: string, transport?: TransportOverrides) =>
	defineCommand({
		meta: { key, version },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
		...(transport ? { transport } : {}),
	});

describe('wireNames', () => {
	it('derives REST, GraphQL and MCP names from the key and major version 1', () => {
		expect(wireNames(command('workflow.instance.pause', '1.4.2'))).toEqual({
			rest: { method: 'POST', path: '/v1/workflow/instance/pause' },
			graphql: { type: 'Mutation', field: 'workflowInstancePause' },
			mcp: { tool: 'workflow_instance_pause' },
		});
	});

	it('serves queries as GET and Query fields', () => {
		const get = defineQuery({
			meta: { key: 'workflow.instance.get', version: '1.0.0' },
			io: { input: Model, output: Model },
			policy: { auth: 'user' },
		});
		expect(wireNames(get)).toMatchObject({
			rest: { method: 'GET' },
			graphql: { type: 'Query', field: 'workflowInstanceGet' },
		});
	});

	it('adds the V2 suffix from major 2 on, and only the major', () => {
		expect(wireNames(command('workflow.instance.pause', '2.3.1'))).toEqual({
			rest: { method: 'POST', path: '/v2/workflow/instance/pause' },
			graphql: { type: 'Mutation', field: 'workflowInstancePauseV2' },
			mcp: { tool: 'workflow_instance_pause_v2' },
		});
		expect(wireNames(command('a.b', '0.9.0')).graphql.field).toBe('aB');
		expect(wireNames(command('a.b', '0.9.0')).rest.path).toBe('/v0/a/b');
	});

	it('splits dashes and underscores into words', () => {
		expect(wireNames(command('billing.invoice-line.add_item', '1.0.0'))).toMatchObject({
			rest: { path: '/v1/billing/invoice-line/add_item' },
			graphql: { field: 'billingInvoiceLineAddItem' },
			mcp: { tool: 'billing_invoice_line_add_item' },
		});
	});

	it('camel-cases the words of the key whatever separators repeat or lead', () => {
		const camel = (key: string) =>
			key
				.split(/[.\-_]/)
				.filter(Boolean)
				.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1)))
				.join('');
		for (const key of ['a..b', '.a.b', 'a.b.', '_x-y__z.q', 'ünï.çode-ß', 'plain']) {
			expect(graphqlFieldName(key, '1.0.0')).toBe(camel(key));
			expect(graphqlFieldName(key, '3.1.0')).toBe(`${camel(key)}V3`);
		}
	});

	it('lets transport overrides win', () => {
		const names = wireNames(
			command('workflow.instance.pause', '2.0.0', {
				rest: { method: 'PUT', path: '/v2/instances/{instanceId}/pause' },
				graphql: { field: 'pauseInstance' },
				mcp: { tool: 'pause' },
			}),
		);
		expect(names).toEqual({
			rest: { method: 'PUT', path: '/v2/instances/{instanceId}/pause' },
			graphql: { type: 'Mutation', field: 'pauseInstance' },
			mcp: { tool: 'pause' },
		});
	});

	it('keeps MCP tool names within 64 characters without losing the version suffix', () => {
		const longKey = `reporting${'.quarterly-revenue-summary'.repeat(4)}`;
		const v1 = wireNames(command(longKey, '1.0.0')).mcp.tool;
		const v3 = wireNames(command(longKey, '3.0.0')).mcp.tool;
		expect(v1.length).toBeLessThanOrEqual(64);
		expect(v3.length).toBeLessThanOrEqual(64);
		expect(v3.endsWith('_v3')).toBe(true);
		expect(v3).not.toBe(v1);
		expect(v1).toMatch(/^[a-z0-9_]+[a-z0-9]$/);
	});

	it('gives two long keys with the same first 64 characters two MCP tools', () => {
		const a = wireNames(command(`${'very.long.operation-name.'.repeat(3)}one`, '1.0.0')).mcp.tool;
		const b = wireNames(command(`${'very.long.operation-name.'.repeat(3)}two`, '1.0.0')).mcp.tool;
		expect(a).not.toBe(b);
		expect(a.length).toBe(64);
		expect(a.slice(0, 50)).toBe(b.slice(0, 50));
	});
});

describe('pathParameters', () => {
	it('lists the names in braces, in order', () => {
		expect(pathParameters('/v1/orgs/{orgId}/instances/{id}')).toEqual(['orgId', 'id']);
		expect(pathParameters('/v1/instances')).toEqual([]);
	});
});
