import type { Executor } from '@charter/runtime';
import type { MiddlewareHandler } from 'hono';
import { fromFetchRequest, toResponse } from '../../fetch/fetch-handler.ts';
import { createRestRouter, type RestOptions } from '../../router/rest-router.ts';

/**
 * Creates Hono middleware serving Charter's routes; unknown paths fall through to `next()`.
 *
 * @example
 * app.use('/api/*', charterHono(executor, { basePath: '/api' }));
 */
export function charterHono(executor: Executor, options: RestOptions = {}): MiddlewareHandler {
	const router = createRestRouter(executor, options);
	return async (c, next) => {
		const response = await router.handle(fromFetchRequest(c.req.raw), true);
		if (!response) return next();
		return toResponse(response);
	};
}
