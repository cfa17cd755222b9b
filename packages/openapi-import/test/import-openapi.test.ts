import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGraphqlSchema } from '@charter/graphql';
import { createRestServer, toOpenApi } from '@charter/rest';
import { createExecutor, implement, silentLogger } from '@charter/runtime';
import { compileValidator } from '@charter/schema';
import { type ContractRegistry, createRegistry, type OperationSpec } from '@charter/spec';
import { printSchema } from 'graphql';
import { afterAll, describe, expect, test } from 'vitest';
import { importOpenApi, OpenApiImportError } from '../src/index.ts';
import { loadGenerated } from './load-generated.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = (name: string) => join(here, 'fixtures', name);
// Output lives inside the repo (gitignored) so generated files resolve `@charter/*`.
const TMP = join(here, '.tmp', randomUUID());
const outDir = (name: string) => join(TMP, name);
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** An executor over imported contracts, every operation unimplemented (501). */
const serveUnimplemented = (contracts: ContractRegistry) =>
	createExecutor({ contracts, bindings: [], serveUnimplemented: true, logger: silentLogger });

async function importError(file: string): Promise<OpenApiImportError> {
	try {
		await importOpenApi({ file, outDir: outDir('never'), dryRun: true });
	} catch (error) {
		if (error instanceof OpenApiImportError) return error;
		throw error;
	}
	throw new Error('the import did not fail');
}

describe('bad input', () => {
	test('a Swagger 2.0 description is refused with a clear message', async () => {
		const error = await importError(fixture('swagger2.json'));
		expect(error.code).toBe('OPENAPI_SWAGGER_2');
		expect(error.path).toBe('#/swagger');
		expect(error.message).toContain('OpenAPI 3.0 and 3.1');
	});

	test('an invalid document names the JSON path that is wrong', async () => {
		const error = await importError(fixture('invalid.yaml'));
		expect(error).toMatchObject({ code: 'OPENAPI_INVALID_DOCUMENT', path: '#/info/version' });
	});

	test('a broken $ref names where it was found and what it pointed to', async () => {
		const error = await importError(fixture('broken-ref.yaml'));
		expect(error.code).toBe('OPENAPI_BROKEN_REF');
		expect(error.path).toBe('#/paths/~1a/get/responses/200/content/application~1json/schema');
		expect(error.message).toContain('#/components/schemas/Missing');
	});

	test('a file that is not JSON or YAML, or missing, is a clear error', async () => {
		expect((await importError(join(here, 'load-generated.ts'))).code).toBe('OPENAPI_PARSE_FAILED');
		expect((await importError(fixture('nope.yaml'))).code).toBe('OPENAPI_FILE_UNREADABLE');
	});

	test('reference cycles stay recursive (self-reference and A -> B -> A): deep values pass, an invalid nested one fails at its pointer', async () => {
		const { result, byKey } = await importFixture('recursive.yaml', 'recursive');
		expect(result.report.filter((e) => e.category === 'fallback')).toEqual([]);
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'normalized',
				path: '#/components/schemas/TreeNode/properties/children/items',
			}),
		);
		expect(result.report).toContainEqual(
			expect.objectContaining({ category: 'version', path: '#/info/version' }),
		);
		const tree = byKey['trees.get-tree']!;
		expect(tree.meta).toMatchObject({ version: '1.0.0' });
		const trees = compileValidator(tree.io.output);
		expect(
			trees.validate({ label: 'a', children: [{ label: 'b', children: [{ label: 'c' }] }] }).ok,
		).toBe(true);
		const badTree = trees.validate({ label: 'a', children: [{ label: 'b', children: [{}] }] });
		expect(badTree.ok).toBe(false);
		expect(JSON.stringify(badTree)).toContain('/children/0/children/0');

		const create = byKey['folders.create-folder']!;
		const folders = compileValidator(create.io.input);
		const deep = {
			name: 'root',
			files: [{ name: 'a', folder: { name: 'sub', files: [{ name: 'b' }] } }],
		};
		expect(folders.validate(deep).ok).toBe(true);
		const badFolder = folders.validate({
			name: 'root',
			files: [{ name: 'a', folder: { name: 'sub', files: [{ title: 'b' }] } }],
		});
		expect(badFolder.ok).toBe(false);
		expect(JSON.stringify(badFolder)).toContain('/files/0/folder/files/0');
		// OpenAPI export: the cycle is two components that refer to each other.
		const { components } = toOpenApi(createRegistry([create])) as unknown as {
			components: { schemas: Record<string, { properties: Record<string, unknown> }> };
		};
		expect(components.schemas.Folder!.properties.files).toMatchObject({
			items: { $ref: '#/components/schemas/File' },
		});
		expect(components.schemas.File!.properties.folder).toEqual({
			$ref: '#/components/schemas/Folder',
		});
		// Served: the deep value goes in and comes back out (input and output validated); the
		// invalid one is a 422 naming where it went wrong.
		const executor = createExecutor({
			bindings: [implement(create, (input) => input as never)],
			contextProvider: () => ({ id: 'tester', roles: [], permissions: [] }),
			serveUnimplemented: true,
			logger: silentLogger,
		});
		// GraphQL's named types recurse too: the back-references are the types themselves.
		const sdl = printSchema(createGraphqlSchema(createRegistry([create, tree]), { executor }));
		expect(sdl).toMatch(/type TreeNode \{[^}]*children: \[TreeNode!\]/);
		expect(sdl).toMatch(/type Folder \{[^}]*files: \[File!\]!/);
		expect(sdl).toMatch(/type File \{[^}]*folder: Folder/);
		expect(sdl).toMatch(/input FolderInput \{[^}]*files: \[FileInput!\]!/);
		const rest = createRestServer(executor);
		const { url } = await rest.listen(0);
		try {
			const post = (body: unknown) =>
				fetch(`${url}/folders`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
			const created = await post(deep);
			expect(created.status).toBe(201);
			expect(await created.json()).toEqual(deep);
			const refused = await post({
				name: 'root',
				files: [{ name: 'a', folder: { name: 'sub', files: [{ title: 'b' }] } }],
			});
			expect(refused.status).toBe(422);
			expect(await refused.json()).toMatchObject({
				issues: [expect.objectContaining({ path: '/files/0/folder/files/0/name' })],
			});
		} finally {
			await rest.close();
		}
	});

	test('a binary property of a multipart body becomes a File; a binary elsewhere is read as text, reported', async () => {
		const result = await importOpenApi({
			file: fixture('file-upload.yaml'),
			outDir: outDir('files'),
		});
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'fallback',
				path: '#/paths/~1pets~1{petId}~1photos/post/responses/200/content/application~1json/schema/properties/raw',
			}),
		);
		expect(result.report.filter((e) => e.message.includes('binary'))).toHaveLength(1);
		const registry = await loadGenerated(outDir('files'));
		const [upload] = registry.operations().map((e) => e.spec as OperationSpec);
		const input = upload!.io.input;
		expect(input.kind === 'model' && input.fields.photo).toMatchObject({
			type: { kind: 'scalar', name: 'File' },
			isOptional: false,
		});
		expect(input.kind === 'model' && input.fields.thumbnails).toMatchObject({
			type: { kind: 'scalar', name: 'File' },
			isArray: true,
		});
		expect(upload!.transport.rest?.bodyMediaTypes).toEqual(['multipart/form-data']);
		// It serves: the File fields pass the start-up checks, and OpenAPI shows binary parts.
		const executor = serveUnimplemented(registry);
		const doc = toOpenApi(executor) as Record<string, any>;
		const post = doc.paths['/pets/{petId}/photos'].post;
		expect(JSON.stringify(post.requestBody.content['multipart/form-data'])).toContain(
			'"format":"binary"',
		);
	});

	test('names that are not identifiers are renamed and keys that collide are made unique, both reported', async () => {
		const result = await importOpenApi({
			file: fixture('awkward-names.yaml'),
			outDir: outDir('awkward'),
		});
		// Re-casing is the naming rule, not a rename; a name that is taken or shadows a global is.
		const renamed = result.report.filter((e) => e.category === 'renamed');
		expect(renamed).toEqual([
			expect.objectContaining({
				path: '#/components/schemas/Error',
				message:
					'schema "Error" is named ErrorType (Error is taken or shadows a JavaScript global)',
			}),
		]);
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'key-collision',
				path: '#/paths/~1items/post',
				message: expect.stringContaining('items.list-items-2'),
			}),
		);
		const registry = await loadGenerated(outDir('awkward'));
		const keys = registry.operations().map((e) => e.spec.meta.key);
		expect(keys).toEqual([
			'items.by-id.get',
			'items.by-id.put',
			'items.list-items',
			'items.list-items-2',
		]);
		const model = readFileSync(join(outDir('awkward'), 'models/item-v1-record.schema.ts'), 'utf8');
		expect(model).toContain("'content-type': { type: ScalarTypeEnum.String(), isOptional: true }");
		expect(model).toContain("'2fa': { type: ScalarTypeEnum.Boolean(), isOptional: true }");
		// The export is valid: every generated contract loads and serves.
		expect(Object.keys(toOpenApi(registry).paths)).toContain('/items/{id}');
	});

	test('field names GraphQL cannot spell and patterns the u flag rejects still serve on every surface', async () => {
		const result = await importOpenApi({
			file: fixture('awkward-names.yaml'),
			outDir: outDir('surfaces'),
		});
		const at = '#/components/schemas/item.v1-record/properties';
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'normalized',
				path: `${at}/tag`,
				message: expect.stringContaining('written as `^[a-zA-Z0-9_\\-:]+$`'),
			}),
		);
		expect(result.report).toContainEqual(
			expect.objectContaining({ category: 'dropped', path: `${at}/lookbehind` }),
		);
		const registry = await loadGenerated(outDir('surfaces'));
		const executor = serveUnimplemented(registry);
		const sdl = printSchema(createGraphqlSchema(registry, { executor }));
		expect(sdl).toContain('include: [String!]');
		expect(sdl).toContain('teamsAny: String');
		expect(sdl).toContain('parent: String');
		expect(sdl).toContain('StartTime: DateTime');
		const listed = executor.plans.find((plan) => plan.key === 'items.list-items');
		expect(listed).toBeDefined();
	});

	test('a property named __proto__ is left out and reported, never written as a key', async () => {
		const result = await importOpenApi({
			file: fixture('proto-key.yaml'),
			outDir: outDir('proto'),
		});
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'skipped',
				path: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/__proto__',
			}),
		);
		const registry = await loadGenerated(outDir('proto'));
		const [entry] = registry.operations();
		const input = (entry!.spec as OperationSpec).io.input;
		expect(input.kind === 'model' && Object.keys(input.fields)).toEqual(['name']);
	});
});

describe('types that keep their meaning', () => {
	test('null through anyOf, nullable refs under allOf, annotation-only allOf members and keywords beside a lone allOf', async () => {
		await importOpenApi({ file: fixture('null-and-allof.yaml'), outDir: outDir('nulls') });
		const registry = await loadGenerated(outDir('nulls'));
		const [entry] = registry.operations();
		const output = compileValidator((entry!.spec as OperationSpec).io.output);
		const money = { amount: 1 };
		expect(output.validate({ maybe: money, code: 'a', wrapped: money, single: money }).ok).toBe(
			true,
		);
		expect(output.validate({ maybe: null, code: 'b', wrapped: null, single: null }).ok).toBe(true);
		const wrong = output.validate({ maybe: {}, code: 'c', wrapped: 5, single: 'x' });
		expect(wrong.ok).toBe(false);
		expect(!wrong.ok && wrong.issues.map((i) => i.path).sort()).toEqual(
			expect.arrayContaining(['/code', '/maybe/amount', '/single', '/wrapped']),
		);
	});
});

/** Imports a fixture into a folder of its own and loads the contracts written, by operation key. */
async function importFixture(name: string, folder: string) {
	const dir = outDir(folder);
	const result = await importOpenApi({ file: fixture(name), outDir: dir });
	const registry = await loadGenerated(dir);
	const byKey = Object.fromEntries(
		registry.operations().map((e) => [e.spec.meta.key, e.spec as OperationSpec]),
	);
	return { result, byKey };
}

describe('what an import keeps', () => {
	test('a discriminator whose variants have a required const or one-value enum for it is kept, and validated by it', async () => {
		const { result, byKey } = await importFixture('discriminator.yaml', 'discriminator');
		const pet = byKey['pets.get']!.io.output;
		expect(pet).toMatchObject({ kind: 'union', discriminator: 'petType' });
		const validate = compileValidator(pet);
		expect(validate.validate({ petType: 'dog', name: 'Rex', barks: true }).ok).toBe(true);
		expect(validate.validate({ petType: 'cat', name: 'Tom', lives: 9 }).ok).toBe(true);
		expect(validate.validate({ petType: 'cow', name: 'Daisy' }).ok).toBe(false);
		expect(result.report.filter((e) => e.path.startsWith('#/components/schemas/Pet'))).toEqual([]);
		// A variant whose property may be left out: the union is kept, its discriminator reported.
		expect(byKey['marks.get']!.io.output).not.toHaveProperty('discriminator');
		expect(result.report).toContainEqual(
			expect.objectContaining({
				category: 'dropped',
				path: '#/paths/~1marks~1{id}/get/responses/200/content/application~1json/schema',
			}),
		);
	});

	test('a discriminator on a plain string property selects by its mapping, else by the schema names', async () => {
		const { result, byKey } = await importFixture('discriminator.yaml', 'discriminator-strings');
		// No mapping: the value is the name of the component (OpenAPI's implicit mapping).
		const note = byKey['notes.get']!.io.output;
		expect(note).toMatchObject({ kind: 'union', discriminator: 'kind' });
		const notes = compileValidator(note);
		expect(notes.validate({ kind: 'TextNote', text: 'hi' }).ok).toBe(true);
		expect(notes.validate({ kind: 'LinkNote', url: 'https://example.com' }).ok).toBe(true);
		// The value selects the variant: a link note with a text note's body is refused.
		expect(notes.validate({ kind: 'LinkNote', text: 'hi' }).ok).toBe(false);
		expect(notes.validate({ kind: 'Memo', text: 'hi' }).ok).toBe(false);
		// A mapping (by ref or by name) gives each variant its value; the schema names no longer select.
		const shape = byKey['shapes.get']!.io.output;
		expect(shape).toMatchObject({ kind: 'union', discriminator: 'shape' });
		const shapes = compileValidator(shape);
		expect(shapes.validate({ shape: 'circle', radius: 1 }).ok).toBe(true);
		expect(shapes.validate({ shape: 'square', side: 2 }).ok).toBe(true);
		expect(shapes.validate({ shape: 'Circle', radius: 1 }).ok).toBe(false);
		expect(shapes.validate({ shape: 'square', radius: 1 }).ok).toBe(false);
		for (const path of ['/notes/{id}', '/shapes/{id}'])
			expect(result.report.filter((e) => e.path.includes(path.replaceAll('/', '~1')))).toEqual([]);
	});

	test('two unions that give a shared component different discriminator values each select by their own, and the component keeps its plain string', async () => {
		const { result, byKey } = await importFixture(
			'discriminator-two-unions.yaml',
			'discriminator-two-unions',
		);
		const output = (op: string) => byKey[`${op}.get`]!.io.output;
		const a = compileValidator(output('a'));
		const b = compileValidator(output('b'));
		expect(output('a')).toMatchObject({ kind: 'union', discriminator: 'petType' });
		expect(output('b')).toMatchObject({ kind: 'union', discriminator: 'petType' });
		expect(a.validate({ petType: 'dog', bark: true }).ok).toBe(true);
		expect(a.validate({ petType: 'cat', meow: true }).ok).toBe(true);
		expect(a.validate({ petType: 'canine', bark: true }).ok).toBe(false);
		expect(b.validate({ petType: 'canine', bark: true }).ok).toBe(true);
		expect(b.validate({ petType: 'feline', meow: true }).ok).toBe(true);
		expect(b.validate({ petType: 'dog', bark: true }).ok).toBe(false);
		// The value selects the variant: a cat's value with a dog's body is refused.
		expect(b.validate({ petType: 'feline', bark: true }).ok).toBe(false);
		// Outside the unions, Dog is as written: any string in petType.
		const dog = output('dog');
		expect(dog).toMatchObject({
			kind: 'model',
			fields: { petType: { type: { kind: 'scalar', name: 'String' } } },
		});
		const dogs = compileValidator(dog);
		expect(dogs.validate({ petType: 'canine', bark: true }).ok).toBe(true);
		expect(dogs.validate({ petType: 'wolf', bark: false }).ok).toBe(true);
		// Both discriminators are kept, so neither is reported dropped.
		expect(result.report.filter((e) => e.category === 'dropped')).toEqual([]);
	});

	test('a description split over folders: each relative $ref resolves from the file that holds it, path items and operations included', async () => {
		const { result, byKey } = await importFixture('multi/openapi.yaml', 'multi');
		expect(result.report.filter((e) => e.category !== 'renamed')).toEqual([]);
		const list = byKey['pets.list']!;
		expect(list.io.input).toMatchObject({
			fields: { limit: { type: { kind: 'scalar', name: 'Int' }, isOptional: true } },
		});
		const pet = {
			kind: 'model',
			name: 'Pet',
			fields: {
				id: { type: { name: 'Int' } },
				owner: { type: { kind: 'model', name: 'Owner' }, isOptional: true },
			},
		};
		expect(list.io.output).toMatchObject({ kind: 'array', items: pet });
		const get = byKey['pets.get']!;
		expect(get.transport.rest).toMatchObject({ method: 'GET', path: '/pets/{id}' });
		expect(get.io.input).toMatchObject({ fields: { id: { type: { name: 'Int' } } } });
		expect(get.io.output).toMatchObject(pet);
	});

	test('refs to other files, path-level parameters, headers, errors, security and deprecation', async () => {
		const result = await importOpenApi({
			file: fixture('split/api.yaml'),
			outDir: outDir('split'),
		});
		const registry = await loadGenerated(outDir('split'));
		const byKey = Object.fromEntries(
			registry.operations().map((e) => [e.spec.meta.key, e.spec as OperationSpec]),
		);
		expect(Object.keys(byKey).sort()).toEqual(['health.health', 'orders.cancel', 'orders.get']);
		const get = byKey['orders.get']!;
		expect(get).toMatchObject({
			kind: 'query',
			meta: {
				version: '2.1.0',
				stability: 'experimental',
				title: 'Get an order',
				tags: ['orders'],
			},
			policy: { auth: 'user' },
			transport: {
				rest: {
					method: 'GET',
					path: '/orders/{orderId}',
					parameters: { 'X-Request-Id': { in: 'header' } },
				},
			},
			errors: { NOT_FOUND: { status: 404, description: 'No such order' } },
		});
		expect(get.io.input).toMatchObject({
			kind: 'model',
			fields: {
				orderId: { type: { kind: 'scalar', name: 'UUID' }, isOptional: false },
				'X-Request-Id': { isOptional: true },
			},
		});
		expect(get.io.output).toMatchObject({
			kind: 'model',
			name: 'Order',
			description: 'An order.',
			fields: {
				total: { type: { name: 'Float', constraints: { minimum: 0 } }, examples: [12.5] },
				lines: { type: { kind: 'model', name: 'Line' }, isArray: true },
				note: { type: { name: 'String' }, isNullable: true, isOptional: true },
			},
		});
		expect(byKey['orders.cancel']).toMatchObject({
			kind: 'command',
			meta: { deprecation: { reason: expect.any(String) } },
			transport: { rest: { method: 'DELETE', path: '/orders/{orderId}', status: 204 } },
		});
		expect(byKey['health.health']?.policy.auth).toBe('anonymous');
		// The header and the 204 are kept on the wire: nothing about them is reported.
		const about = (at: string) => result.report.filter((e) => e.path.startsWith(at));
		expect(about('#/paths/~1orders~1{orderId}/get/parameters')).toEqual([]);
		expect(about('#/paths/~1orders~1{orderId}/delete/responses')).toEqual([]);
		const operations = readFileSync(join(outDir('split'), 'orders/orders.operations.ts'), 'utf8');
		expect(operations).toContain("import { Order } from '../models/order.schema.ts';");
	});
});

describe('writing files', () => {
	test('untouched generated files are rewritten; edited ones are kept unless --force', async () => {
		const dir = outDir('rewrite');
		const first = await importOpenApi({ file: fixture('split/api.yaml'), outDir: dir });
		expect(first.written.length).toBe(first.files.length);
		const again = await importOpenApi({ file: fixture('split/api.yaml'), outDir: dir });
		expect(again.written).toEqual([]);
		expect(again.unchanged.length).toBe(first.files.length);

		const edited = join(dir, 'orders/orders.operations.ts');
		const text = readFileSync(edited, 'utf8').replace(
			"stability: 'experimental'",
			"stability: 'beta'",
		);
		writeFileSync(edited, text);
		const model = join(dir, 'models/order.schema.ts');
		writeFileSync(model, readFileSync(model, 'utf8').replace('An order.', 'An order!'));
		// Both edited files would be rewritten: refused, and nothing is written.
		let error: unknown;
		try {
			await importOpenApi({ file: fixture('split/api.yaml'), outDir: dir });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(OpenApiImportError);
		expect((error as OpenApiImportError).code).toBe('OPENAPI_EDITED_FILES');
		expect((error as Error).message).toContain('models/order.schema.ts');
		expect((error as Error).message).toContain('orders/orders.operations.ts');
		expect(readFileSync(edited, 'utf8')).toBe(text);

		const forced = await importOpenApi({
			file: fixture('split/api.yaml'),
			outDir: dir,
			force: true,
		});
		expect([...forced.written].sort()).toEqual([
			'models/order.schema.ts',
			'orders/orders.operations.ts',
		]);
		expect(readFileSync(edited, 'utf8')).toContain("stability: 'experimental'");
	});

	test('generated files an import no longer writes are listed as stale, not deleted', async () => {
		const dir = outDir('stale');
		await importOpenApi({ file: fixture('split/api.yaml'), outDir: dir });
		const other = await importOpenApi({ file: fixture('recursive.yaml'), outDir: dir });
		expect(other.stale).toContain('orders/orders.operations.ts');
		expect(other.stale).toContain('models/order.schema.ts');
		expect(other.stale).not.toContain('trees/trees.operations.ts');
		expect(readFileSync(join(dir, 'orders/orders.operations.ts'), 'utf8')).toContain('orders.get');
	});
});
