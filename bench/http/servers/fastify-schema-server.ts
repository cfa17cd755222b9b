import Fastify from 'fastify';
import { addPauseRoute } from './fastify-pause.ts';
import { announce } from './server-announce.ts';

/*
 * Fastify as its users write it: a route schema for the body (Fastify's own Ajv) and for the
 * 200 response, which Fastify compiles with fast-json-stringify to serialize the output. The
 * response is serialized by the schema, not validated (Fastify's documented default): a
 * handler bug that breaks the contract is not caught. A preHandler checks the token. Fastify's
 * Ajv coerces types by default (42 would become "42"); the contract says a string, so
 * coercion is off through Fastify's documented `ajv.customOptions`.
 */

const app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false } } });
addPauseRoute(app);

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0);
