import { createServer } from 'node:http';
import { OpenAPIHandler } from '@orpc/openapi/node';
import { ORPCError, os } from '@orpc/server';
import {
	instanceZod,
	mayPause,
	PAUSE_PATH,
	pauseInputZod,
	pauseInstance,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * oRPC's OpenAPI handler on node:http: Zod 4 input and output schemas (both checked at run
 * time by oRPC), a middleware for the token.
 */

const instances = seedInstances();
const authed = os.$context<{ authorization: string | undefined }>().use(({ context, next }) => {
	const principal = principalOf(context.authorization);
	if (typeof principal === 'string') throw new ORPCError('UNAUTHORIZED');
	if (!mayPause(principal)) throw new ORPCError('FORBIDDEN');
	return next({ context: { tenant: principal.tenant } });
});

const pause = authed
	.route({ method: 'POST', path: PAUSE_PATH })
	.input(pauseInputZod)
	.output(instanceZod)
	.handler(({ input, context }) => {
		const paused = pauseInstance(instances, input, context.tenant, new Date().toISOString());
		if (!paused) throw new ORPCError('NOT_FOUND');
		return paused;
	});

const handler = new OpenAPIHandler({ workflow: { instance: { pause } } });
const server = createServer(async (req, res) => {
	const { matched } = await handler.handle(req, res, {
		context: { authorization: req.headers.authorization },
	});
	if (!matched) {
		res.statusCode = 404;
		res.end('no route');
	}
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	announce(typeof address === 'object' && address ? address.port : 0);
});
