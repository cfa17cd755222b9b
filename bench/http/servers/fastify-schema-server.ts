import Fastify from 'fastify';
import {
	mayPause,
	PAUSE_PATH,
	pauseInstance,
	pauseJsonSchemas,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * Fastify as its users write it: a route schema for the body (Fastify's own Ajv) and for the
 * 200 response, which Fastify compiles with fast-json-stringify to serialize the output. The
 * response is serialized by the schema, not validated (Fastify's documented default): a
 * handler bug that breaks the contract is not caught. A preHandler checks the token. Fastify's
 * Ajv coerces types by default (42 would become "42"); the contract says a string, so
 * coercion is off through Fastify's documented `ajv.customOptions`.
 */

const schemas = pauseJsonSchemas();
// fast-json-stringify writes only declared properties unless told otherwise: keep `context`.
const responseSchema = structuredClone(schemas.output) as {
	properties: { context: Record<string, unknown> };
};
responseSchema.properties.context.additionalProperties = true;
const instances = seedInstances();

const app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false } } });
app.decorateRequest('tenant', '');

app.post<{ Body: { instanceId: string; reason?: string } }>(
	PAUSE_PATH,
	{
		schema: { body: schemas.input, response: { 200: responseSchema } },
		preHandler: async (request, reply) => {
			const principal = principalOf(request.headers.authorization);
			if (typeof principal === 'string') return reply.code(401).send({ status: 401 });
			if (!mayPause(principal)) return reply.code(403).send({ status: 403 });
			(request as unknown as { tenant: string }).tenant = principal.tenant;
		},
	},
	async (request, reply) => {
		const tenant = (request as unknown as { tenant: string }).tenant;
		const paused = pauseInstance(instances, request.body, tenant, new Date().toISOString());
		if (!paused) return reply.code(404).send({ status: 404 });
		return paused;
	},
);

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0);
