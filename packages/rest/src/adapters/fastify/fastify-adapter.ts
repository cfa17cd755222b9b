import { Readable } from 'node:stream';
import type { Executor } from '@charter/runtime';
import type { FastifyInstance } from 'fastify';
import type { BodyResult } from '../../http/rest-message.ts';
import { fromNodeRequest } from '../../node/node-request.ts';
import { createRestRouter, type RestOptions } from '../../router/rest-router.ts';

/**
 * Creates a Fastify plugin serving Charter's routes under its prefix. Register it with the
 * same prefix as `basePath`: `app.register(charterFastify(executor, { basePath: '/api' }), { prefix: '/api' })`.
 * Bodies are read by Charter (its limit, its problems), not by Fastify's parsers.
 */
export function charterFastify(executor: Executor, options: RestOptions = {}) {
	const router = createRestRouter(executor, options);
	return async (app: FastifyInstance): Promise<void> => {
		app.removeAllContentTypeParsers();
		// Hand the raw stream on untouched; the shared router reads it with its own limit.
		app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
		app.all('/*', async (request, reply) => {
			const stream = request.body as Readable | undefined;
			const response = await router.handle(
				fromNodeRequest(request.raw, {
					response: reply.raw,
					readBody: (limit) => (stream ? readStream(stream, limit) : Promise.resolve({ text: '' })),
					bodyStream: () => stream ?? Readable.from([]),
				}),
			);
			reply.code(response.status).headers(response.headers);
			if (response.cookies !== undefined) reply.header('set-cookie', [...response.cookies]);
			if (response.stream !== undefined) {
				return reply.send(Readable.from(response.stream, { objectMode: false }));
			}
			// A Buffer keeps Fastify from appending a charset to the content type.
			return reply.send(Buffer.from(response.body ?? '', 'utf8'));
		});
	};
}

async function readStream(stream: Readable, limit: number): Promise<BodyResult> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		if (size > limit) {
			stream.destroy();
			return { tooLarge: true };
		}
		chunks.push(chunk as Buffer);
	}
	return { text: Buffer.concat(chunks).toString('utf8') };
}
