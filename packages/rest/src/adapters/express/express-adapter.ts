import type { Executor } from '@charter/runtime';
import type { NextFunction, Request, Response } from 'express';
import { fromNodeRequest, writeNodeResponse } from '../../node/node-request.ts';
import { createRestRouter, type RestOptions } from '../../router/rest-router.ts';

/**
 * Creates Express middleware serving Charter's routes; unknown paths fall through to `next()`.
 * A body already parsed by `express.json()` is used as is.
 *
 * @example
 * app.use('/api', charterExpress(executor));
 */
export function charterExpress(executor: Executor, options: RestOptions = {}) {
	const router = createRestRouter(executor, options);
	return (req: Request, res: Response, next: NextFunction): void => {
		const parsed = (req as { body?: unknown }).body;
		router
			.handle(fromNodeRequest(req, { parsedBody: parsed, response: res }), true)
			.then((response) => {
				if (response) writeNodeResponse(res, response);
				else next();
			}, next);
	};
}
