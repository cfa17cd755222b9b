import { serve } from '@hono/node-server';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
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
 * Hono + @hono/zod-openapi on @hono/node-server: Zod 4 schemas for body and response, a
 * middleware for the token. zod-openapi types the response but does not check it at run
 * time, so the handler parses its output with the response schema.
 */

const instances = seedInstances();
const auth = createMiddleware<{ Variables: { tenant: string } }>(async (c, next) => {
	const principal = principalOf(c.req.header('authorization'));
	if (typeof principal === 'string') return c.json({ status: 401 }, 401);
	if (!mayPause(principal)) return c.json({ status: 403 }, 403);
	c.set('tenant', principal.tenant);
	await next();
});

const route = createRoute({
	method: 'post',
	path: PAUSE_PATH,
	middleware: [auth] as const,
	request: {
		body: { content: { 'application/json': { schema: pauseInputZod } }, required: true },
	},
	responses: {
		200: { content: { 'application/json': { schema: instanceZod } }, description: 'Paused.' },
		404: { description: 'No such instance.' },
	},
});

const app = new OpenAPIHono<{ Variables: { tenant: string } }>();
app.openapi(route, (c) => {
	const paused = pauseInstance(
		instances,
		c.req.valid('json'),
		c.get('tenant'),
		new Date().toISOString(),
	);
	if (!paused) return c.json({ status: 404 }, 404);
	return c.json(instanceZod.parse(paused), 200);
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => announce(info.port));
