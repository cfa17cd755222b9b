import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import {
	instanceZod,
	mayPause,
	pauseInputZod,
	pauseInstance,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * tRPC standalone (node:http): a mutation with Zod 4 input and output (tRPC checks both),
 * a middleware for the token. Its route is `/workflow.instance.pause` and it wraps the
 * output as `{ result: { data } }`: tRPC's own wire format.
 */

const instances = seedInstances();
const t = initTRPC.context<{ authorization: string | undefined }>().create();
const admin = t.procedure.use(({ ctx, next }) => {
	const principal = principalOf(ctx.authorization);
	if (typeof principal === 'string') throw new TRPCError({ code: 'UNAUTHORIZED' });
	if (!mayPause(principal)) throw new TRPCError({ code: 'FORBIDDEN' });
	return next({ ctx: { tenant: principal.tenant } });
});

const router = t.router({
	workflow: t.router({
		instance: t.router({
			pause: admin
				.input(pauseInputZod)
				.output(instanceZod)
				.mutation(({ input, ctx }) => {
					const paused = pauseInstance(instances, input, ctx.tenant, new Date().toISOString());
					if (!paused) throw new TRPCError({ code: 'NOT_FOUND' });
					return paused;
				}),
		}),
	}),
});

const server = createHTTPServer({
	router,
	createContext: ({ req }) => ({ authorization: req.headers.authorization }),
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	announce(typeof address === 'object' && address ? address.port : 0);
});
