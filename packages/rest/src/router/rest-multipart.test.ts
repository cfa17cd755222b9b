import type { AddressInfo } from 'node:net';
import { type CharterConfigError, createExecutor, implement } from '@charter/runtime';
import { defineSchemaModel, type FileValue, f } from '@charter/schema';
import { defineCommand } from '@charter/spec';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterFastify } from '../adapters/fastify/fastify-adapter.ts';
import { createFetchHandler } from '../fetch/fetch-handler.ts';
import { createRestServer, type RestServer } from '../node/node-server.ts';
import { toOpenApi } from '../openapi/openapi-export.ts';

// Files in multipart/form-data bodies: an input's File fields arrive in the handler as web
// Files with their bytes intact, read as a stream within the field's maxBytes and the one
// bodyLimit. Called with real HTTP requests (fetch and FormData), as a browser uploads.
const Upload = defineCommand({
	meta: { key: 'files.upload', version: '1.0.0', description: 'Store an avatar.' },
	io: {
		input: defineSchemaModel({
			name: 'UploadInput',
			fields: {
				avatar: f.file({ maxBytes: 1024, mediaTypes: ['image/*', 'application/octet-stream'] }),
				note: f.string().optional(),
				copies: f.int().optional(),
				extra: f.file().array().optional(),
			},
		}),
		output: f.json().type,
	},
	policy: { auth: 'anonymous' },
	transport: { rest: { path: '/avatars', bodyMediaTypes: ['multipart/form-data'] } },
});

/** What the handler saw of the input: each file's name, type, size and bytes (hex). */
async function describeInput(input: Record<string, unknown>) {
	const file = async (value: FileValue) => ({
		name: value.name,
		type: value.type,
		size: value.size,
		hex: Buffer.from(await value.arrayBuffer()).toString('hex'),
		streamed: await streamedHex(value),
	});
	const avatar = input.avatar as FileValue;
	const extra = (input.extra as FileValue[] | undefined) ?? [];
	return {
		avatar: await file(avatar),
		isFile: avatar instanceof File,
		note: input.note,
		copies: input.copies,
		extra: await Promise.all(extra.map(file)),
	};
}

async function streamedHex(value: FileValue): Promise<string> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of value.stream() as unknown as AsyncIterable<Uint8Array>)
		chunks.push(chunk);
	return Buffer.concat(chunks).toString('hex');
}

// 0x00, bytes that are not UTF-8 (0xff, 0xfe, a lone continuation 0x80), CR LF and a fake boundary.
const BINARY = new Uint8Array([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x2d, 0x2d, 0x41, 0x00, 0xc3]);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

let rest: RestServer;
let url: string;
const executor = createExecutor({
	bindings: [implement(Upload, (input) => describeInput(input as Record<string, unknown>))],
});
beforeAll(async () => {
	rest = createRestServer(executor, { bodyLimit: 4096 });
	await new Promise<void>((resolve) => rest.server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(rest.server.address() as AddressInfo).port}`;
});
afterAll(() => rest.close());

const post = (body: FormData, headers: Record<string, string> = {}) =>
	fetch(`${url}/avatars`, { method: 'POST', body, headers });

describe('multipart/form-data files', () => {
	it('hands the handler each file with its bytes intact, beside coerced text fields', async () => {
		const form = new FormData();
		form.append('avatar', new Blob([BINARY], { type: 'image/png' }), 'me.png');
		form.append('note', 'hello');
		form.append('copies', '2');
		form.append('extra', new Blob([new Uint8Array([1, 0, 2])]), 'a.bin');
		form.append('extra', new Blob([new Uint8Array([0xff])]), 'b.bin');
		const response = await post(form);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			avatar: {
				name: 'me.png',
				type: 'image/png',
				size: 11,
				hex: hex(BINARY),
				streamed: hex(BINARY),
			},
			isFile: true,
			note: 'hello',
			copies: 2,
			extra: [
				{
					name: 'a.bin',
					type: 'application/octet-stream',
					size: 3,
					hex: '010002',
					streamed: '010002',
				},
				{ name: 'b.bin', type: 'application/octet-stream', size: 1, hex: 'ff', streamed: 'ff' },
			],
		});
	});

	it('serves the same through the fetch handler', async () => {
		const handler = createFetchHandler(executor);
		const form = new FormData();
		form.append('avatar', new Blob([BINARY], { type: 'image/gif' }), 'x.gif');
		const response = await handler(
			new Request('http://local/avatars', { method: 'POST', body: form }),
		);
		expect(response.status).toBe(200);
		expect(((await response.json()) as { avatar: { hex: string } }).avatar.hex).toBe(hex(BINARY));
	});

	it('serves the same through the Fastify adapter, which hands its body stream on', async () => {
		const app = Fastify();
		await app.register(charterFastify(executor));
		await app.listen({ port: 0, host: '127.0.0.1' });
		try {
			const { port } = app.server.address() as AddressInfo;
			const form = new FormData();
			form.append('avatar', new Blob([BINARY], { type: 'image/png' }), 'f.png');
			const response = await fetch(`http://127.0.0.1:${port}/avatars`, {
				method: 'POST',
				body: form,
			});
			expect(response.status).toBe(200);
			expect(((await response.json()) as { avatar: { hex: string } }).avatar.hex).toBe(hex(BINARY));
		} finally {
			await app.close();
		}
	});

	it('answers 413 naming the part when a file is over its maxBytes, or the body over bodyLimit', async () => {
		const big = new FormData();
		big.append('avatar', new Blob([new Uint8Array(1025)], { type: 'image/png' }), 'big.png');
		const over = await post(big);
		expect(over.status).toBe(413);
		expect(((await over.json()) as { detail: string }).detail).toBe(
			'the file part "avatar" exceeds 1024 bytes',
		);
		// A field without maxBytes is bounded by bodyLimit (4096 here).
		const huge = new FormData();
		huge.append('avatar', new Blob([BINARY], { type: 'image/png' }), 'ok.png');
		huge.append('extra', new Blob([new Uint8Array(5000)]), 'huge.bin');
		const tooLarge = await post(huge);
		expect(tooLarge.status).toBe(413);
		expect(((await tooLarge.json()) as { detail: string }).detail).toMatch(
			/the (file part "extra"|body) exceeds 4096 bytes/,
		);
	});

	it('answers 422 for a missing required file, a text value for a file, or a refused media type', async () => {
		const missing = new FormData();
		missing.append('note', 'no file');
		const noFile = await post(missing);
		expect(noFile.status).toBe(422);
		expect(JSON.stringify(await noFile.json())).toContain('avatar');

		const text = new FormData();
		text.append('avatar', 'not a file');
		const asText = await post(text);
		expect(asText.status).toBe(422);
		expect(JSON.stringify(await asText.json())).toContain('must be a file');

		const pdf = new FormData();
		pdf.append('avatar', new Blob(['%PDF'], { type: 'application/pdf' }), 'a.pdf');
		const refused = await post(pdf);
		expect(refused.status).toBe(422);
		expect(JSON.stringify(await refused.json())).toContain('must be of media type');

		const json = await fetch(`${url}/avatars`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ avatar: 'AAAA' }),
		});
		expect(json.status).toBe(415);
	});

	it('compares idempotent retries by the file bytes', async () => {
		const send = (bytes: Uint8Array<ArrayBuffer>) => {
			const form = new FormData();
			form.append('avatar', new Blob([bytes], { type: 'image/png' }), 'me.png');
			return post(form, { 'idempotency-key': 'upload-1' });
		};
		const first = await send(BINARY);
		expect(first.status).toBe(200);
		const again = await send(BINARY);
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		const other = await send(new Uint8Array([1, 2, 3]));
		expect(other.status).toBe(422);
		expect(((await other.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
	});

	it('publishes the file as a binary part of a multipart body in OpenAPI', () => {
		const doc = toOpenApi(executor) as Record<string, any>;
		const body = doc.paths['/avatars'].post.requestBody;
		expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
		const schema = body.content['multipart/form-data'].schema;
		const properties = (schema.properties ??
			doc.components.schemas.UploadInput.properties) as Record<string, any>;
		expect(properties.avatar).toEqual({
			type: 'string',
			format: 'binary',
			'x-charter-file': { maxBytes: 1024, mediaTypes: ['image/*', 'application/octet-stream'] },
		});
		expect(properties.extra).toEqual({
			type: 'array',
			items: { type: 'string', format: 'binary' },
		});
	});

	it('refuses at start a File that cannot travel: in the output, nested, or without a multipart body', () => {
		const start = (transport: object, output = f.json().type, nested = false) =>
			createExecutor({
				bindings: [
					implement(
						defineCommand({
							meta: { key: 'files.bad', version: '1.0.0', description: 'x' },
							io: {
								input: defineSchemaModel({
									name: 'BadInput',
									fields: nested
										? {
												inner: f.ref(
													defineSchemaModel({ name: 'Inner', fields: { file: f.file() } }),
												),
											}
										: { file: f.file() },
								}),
								output,
							},
							policy: { auth: 'anonymous' },
							transport: transport as never,
						}),
						() => ({}),
					),
				],
			});
		const message = (run: () => unknown) => {
			try {
				run();
			} catch (error) {
				return `${(error as CharterConfigError).code}: ${(error as Error).message}`;
			}
			return 'started';
		};
		expect(message(() => start({}))).toMatch(/CHARTER_INVALID_REST_WIRE.*multipart\/form-data/);
		expect(
			message(() => start({ rest: { bodyMediaTypes: ['multipart/form-data'] } }, f.file().type)),
		).toMatch(/cannot be an output/);
		expect(
			message(() => start({ rest: { bodyMediaTypes: ['multipart/form-data'] } }, undefined, true)),
		).toMatch(/top-level field/);
		expect(message(() => start({ rest: { bodyMediaTypes: ['multipart/form-data'] } }))).toBe(
			'started',
		);
	});
});
