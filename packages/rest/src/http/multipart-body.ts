/*
 * `multipart/form-data` bodies with files, read as a stream by busboy: each part is counted as
 * it arrives, so a file over its field's `maxBytes` (or a body over `bodyLimit`) is refused as
 * soon as it crosses the limit, naming the part, without buffering the rest. A file part of a
 * `File` field becomes a web `File` (bytes intact); every other part is text, read as the
 * URL-encoded and text-only multipart bodies are (see form-body.ts).
 */
import { createHash } from 'node:crypto';
import type { ScalarConstraints } from '@charter/schema';
import busboy from 'busboy';
import { parseFormPairs } from './form-body.ts';

/**
 * A received file: a web `File` whose `sha256` (of its bytes, an own field) is what the
 * idempotency digest and the audit log see of it, so a retry with other bytes is a conflict.
 */
export class UploadedFile extends File {
	readonly sha256: string;

	constructor(chunks: readonly Uint8Array[], name: string, type: string, sha256: string) {
		super(chunks as unknown as BlobPart[], name, { type });
		this.sha256 = sha256;
	}
}

export type MultipartResult =
	| { readonly members: Record<string, unknown> }
	| { readonly tooLarge: string }
	| { readonly malformed: string };

/** Bounds of one multipart body: the whole body, and per `File` field its own limit. */
export interface MultipartLimits {
	readonly bodyLimit: number;
	readonly files: ReadonlyMap<string, ScalarConstraints | undefined>;
}

/** Beyond this many times the body limit, a refused body is no longer drained. */
const DRAIN_FACTOR = 8;
/** At most this many parts (as many as a URL-encoded form's parameters). */
const PART_LIMIT = 10_000;

/** Reads a multipart body from its byte stream within its limits. */
export async function readMultipart(
	body: AsyncIterable<Uint8Array>,
	contentType: string,
	limits: MultipartLimits,
): Promise<MultipartResult> {
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			limits: { parts: PART_LIMIT, fieldSize: limits.bodyLimit },
		});
	} catch (error) {
		return { malformed: (error as Error).message };
	}
	const pairs = new URLSearchParams();
	// In arrival order; a file part sent for a field that is no File is read as text, as before.
	const parts: { name: string; asText: boolean; file: Promise<UploadedFile | undefined> }[] = [];
	let failure: MultipartResult | undefined;
	const fail = (result: MultipartResult) => {
		failure ??= result;
	};
	parser.on('field', (name, value, info) => {
		if (info.valueTruncated)
			fail({ tooLarge: `the part "${name}" exceeds ${limits.bodyLimit} bytes` });
		else pairs.append(name, value);
	});
	parser.on('file', (name, stream, info) => {
		const declared = limits.files.has(name);
		const max = Math.min(limits.files.get(name)?.maxBytes ?? Infinity, limits.bodyLimit);
		const chunks: Buffer[] = [];
		const hash = createHash('sha256');
		let size = 0;
		parts.push({
			name,
			asText: !declared,
			file: new Promise((resolve) => {
				stream.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > max) {
						fail({ tooLarge: `the file part "${name}" exceeds ${max} bytes` });
						chunks.length = 0;
						stream.resume();
						return;
					}
					if (failure === undefined) {
						chunks.push(chunk);
						hash.update(chunk);
					}
				});
				stream.on('end', () =>
					resolve(
						failure !== undefined
							? undefined
							: new UploadedFile(chunks, info.filename ?? name, info.mimeType, hash.digest('hex')),
					),
				);
			}),
		});
	});
	parser.on('partsLimit', () => fail({ tooLarge: `the body has more than ${PART_LIMIT} parts` }));
	const done = new Promise<void>((resolve) => {
		parser.on('close', resolve);
		parser.on('error', (error: Error) => {
			fail({ malformed: error.message });
			resolve();
		});
	});
	let total = 0;
	for await (const chunk of body) {
		total += chunk.length;
		if (total > limits.bodyLimit) fail({ tooLarge: `the body exceeds ${limits.bodyLimit} bytes` });
		if (failure !== undefined) {
			// Drain a little so the client reads the answer, then stop reading.
			if (total > limits.bodyLimit * DRAIN_FACTOR) break;
			continue;
		}
		if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
	}
	if (failure !== undefined) {
		parser.destroy();
		return failure;
	}
	parser.end();
	await done;
	const received = await Promise.all(parts.map((part) => part.file));
	if (failure !== undefined) return failure;
	for (const [index, part] of parts.entries()) {
		if (part.asText) pairs.append(part.name, await received[index]!.text());
	}
	const members = parseFormPairs(pairs);
	for (const [index, part] of parts.entries()) {
		if (part.asText) continue;
		const file = received[index]!;
		const existing = members[part.name];
		members[part.name] =
			existing === undefined
				? file
				: Array.isArray(existing)
					? [...existing, file]
					: [existing, file];
	}
	return { members };
}
