import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { createRegistry, defineCommand, defineQuery } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { buildToolCatalog } from './tool-catalog.ts';

const In = defineSchemaModel({
	name: 'In',
	fields: { a: { type: ScalarTypeEnum.String(), isOptional: false } },
});
const query = (key: string, version = '1.0.0', tool?: string) =>
	defineQuery({
		meta: { key, version },
		io: { input: In, output: ScalarTypeEnum.Int() },
		policy: { auth: 'anonymous' },
		...(tool ? { transport: { mcp: { tool } } } : {}),
	});

describe('buildToolCatalog', () => {
	it('leaves out an operation with a File input: files travel only as REST multipart', () => {
		const upload = defineCommand({
			meta: { key: 'a.upload', version: '1.0.0' },
			io: {
				input: defineSchemaModel({
					name: 'UploadIn',
					fields: { file: { type: ScalarTypeEnum.File(), isOptional: false } },
				}),
				output: ScalarTypeEnum.Int(),
			},
			policy: { auth: 'anonymous' },
			transport: { rest: { bodyMediaTypes: ['multipart/form-data'] } },
		});
		const tools = buildToolCatalog(createRegistry([query('a.count'), upload]));
		expect([...tools.keys()]).toEqual(['a_count']);
	});

	it('wraps a non-object output as { result } and declares the problem branch', () => {
		const tool = buildToolCatalog(createRegistry([query('a.count')])).get('a_count')!;
		expect(tool.wrapsOutput).toBe(true);
		expect(tool.tool.outputSchema).toMatchObject({
			type: 'object',
			anyOf: [
				{ type: 'object', properties: { result: { type: 'integer' } }, required: ['result'] },
				{ $ref: '#/$defs/Problem' },
			],
		});
	});

	it('opens a deprecated tool description with the notice GraphQL gives as @deprecated', () => {
		const old = defineQuery({
			meta: {
				key: 'a.old',
				version: '1.0.0',
				stability: 'deprecated',
				deprecation: { reason: 'Superseded.', replacedBy: 'a.count', sunset: '2027-06-01' },
			},
			io: { input: In, output: ScalarTypeEnum.Int() },
			policy: { auth: 'anonymous' },
		});
		const tools = buildToolCatalog(createRegistry([old, query('a.count')]));
		expect(tools.get('a_old')!.tool.description).toMatch(
			/^Deprecated: Superseded\. Use a\.count\. Sunset 2027-06-01\.\n\n/,
		);
		expect(tools.get('a_count')!.tool.description).not.toContain('Deprecated');
	});

	it('serves one tool per key and major with the _v2 suffix', () => {
		const tools = buildToolCatalog(
			createRegistry([query('a.count'), query('a.count', '1.4.0'), query('a.count', '2.0.0')]),
		);
		expect([...tools.keys()]).toEqual(['a_count', 'a_count_v2']);
		expect(tools.get('a_count')!.spec.meta.version).toBe('1.4.0');
	});

	it('fails fast on two operations claiming one tool and on an invalid override', () => {
		expect(() =>
			buildToolCatalog(createRegistry([query('a.count'), query('b.count', '1.0.0', 'a_count')])),
		).toThrow(/CHARTER_WIRE_NAME_COLLISION\] MCP tool a_count/);
		expect(() =>
			buildToolCatalog(createRegistry([query('a.count', '1.0.0', 'has space')])),
		).toThrow(/must be 1-64/);
	});

	it('marks a command destructive and idempotent only as declared', () => {
		const command = defineCommand({
			meta: { key: 'a.reset', version: '1.0.0' },
			io: { input: In, output: In },
			policy: { auth: 'admin' },
			idempotent: true,
		});
		const tool = buildToolCatalog(createRegistry([command])).get('a_reset')!;
		expect(tool.tool.annotations).toMatchObject({
			readOnlyHint: false,
			idempotentHint: true,
			destructiveHint: true,
		});
		expect(tool.tool.description).toContain('Requires an authenticated admin.');
	});
});
