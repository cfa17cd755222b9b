import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import {
	type Instance,
	mayPause,
	PAUSE_PATH,
	pauseInstance,
	pauseJsonSchemas,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * Fastify + Ajv: route schema for the body (validated by the same Ajv 2020 setup as the raw
 * server) and the response (fast-json-stringify), a preHandler for the token. Fastify's
 * response schema only serializes, so a preSerialization hook validates the output with
 * Ajv: the same output check Charter does.
 */

const ajv = new Ajv2020({
	allErrors: true,
	strict: false,
	removeAdditional: true,
	useDefaults: true,
});
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const schemas = pauseJsonSchemas();
const validateOutput = ajv.compile<Instance>(schemas.output);
// fast-json-stringify writes only declared properties unless told otherwise: keep `context`.
const responseSchema = structuredClone(schemas.output) as {
	properties: { context: Record<string, unknown> };
};
responseSchema.properties.context.additionalProperties = true;
const instances = seedInstances();

const app = Fastify({ logger: false });
app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
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
		preSerialization: async (_request, reply, payload) => {
			if (reply.statusCode !== 200) return payload;
			const output = structuredClone(payload);
			if (!validateOutput(output)) throw new Error('output breaks the contract');
			return output;
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
