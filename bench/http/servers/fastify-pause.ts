import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
	mayPause,
	PAUSE_PATH,
	pauseInstance,
	pauseJsonSchemas,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';

/*
 * The pause route both Fastify servers share: the body and 200 response schemas (the
 * response serialized by fast-json-stringify), a preHandler for the token, the handler.
 * Each server adds what sets it apart (its validator, an output hook).
 */

export const schemas = pauseJsonSchemas();

/** The response schema: fast-json-stringify writes only declared properties, so `context` stays open. */
function responseSchema(): object {
	const schema = structuredClone(schemas.output) as {
		properties: { context: Record<string, unknown> };
	};
	schema.properties.context.additionalProperties = true;
	return schema;
}

type Tenanted = FastifyRequest & { tenant: string };

/** Adds the pause route to an app, with more route options (hooks) when given. */
export function addPauseRoute(app: FastifyInstance, options: RouteShorthandOptions = {}): void {
	const instances = seedInstances();
	app.decorateRequest('tenant', '');
	app.post<{ Body: { instanceId: string; reason?: string } }>(
		PAUSE_PATH,
		{
			...options,
			schema: { body: schemas.input, response: { 200: responseSchema() } },
			preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
				const principal = principalOf(request.headers.authorization);
				if (typeof principal === 'string') return reply.code(401).send({ status: 401 });
				if (!mayPause(principal)) return reply.code(403).send({ status: 403 });
				(request as Tenanted).tenant = principal.tenant;
			},
		},
		async (request, reply) => {
			const tenant = (request as Tenanted).tenant;
			const paused = pauseInstance(instances, request.body, tenant, new Date().toISOString());
			if (!paused) return reply.code(404).send({ status: 404 });
			return paused;
		},
	);
}
