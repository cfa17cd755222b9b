import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import type { Instance } from '../pause-fixture.ts';
import { addPauseRoute, schemas } from './fastify-pause.ts';
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
const validateOutput = ajv.compile<Instance>(schemas.output);

const app = Fastify({ logger: false });
app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
addPauseRoute(app, {
	preSerialization: async (_request, reply, payload) => {
		if (reply.statusCode !== 200) return payload;
		const output = structuredClone(payload);
		if (!validateOutput(output)) throw new Error('output breaks the contract');
		return output;
	},
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0);
