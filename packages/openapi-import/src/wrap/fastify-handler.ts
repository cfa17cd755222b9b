import type { Handler, HandlerContext } from '@charter/runtime';
import type { OperationSpec } from '@charter/spec';
import { parseIfJson } from './express-handler.ts';
import { legacyRequest, legacyResult, type WrapOptions } from './legacy-call.ts';

/** A Fastify-style route handler: `(request, reply)`, returning the payload or calling `reply.send`. */
export type FastifyLikeHandler = (request: any, reply: any) => unknown;

/**
 * Runs an existing Fastify route handler as the implementation of a contract: the request
 * is rebuilt from the typed input (`params`, `query`, `body`, `headers`); the payload it
 * returns or sends is the output, and an error status becomes the declared error.
 *
 * @example
 * implement(CreatePetContract, fromFastifyHandler(CreatePetContract, routes.createPet));
 */
export function fromFastifyHandler<S extends OperationSpec<any, any, any>>(
	contract: S,
	handler: FastifyLikeHandler,
	options: WrapOptions = {},
): Handler<S> {
	return (input, ctx) => runFastify(contract, handler, input, ctx, options) as never;
}

async function runFastify(
	contract: OperationSpec,
	handler: FastifyLikeHandler,
	input: unknown,
	ctx: HandlerContext,
	options: WrapOptions,
): Promise<unknown> {
	const parts = legacyRequest(contract, input, ctx, options);
	let status = 200;
	let sent: { body: unknown } | undefined;
	const reply = {
		sent: false,
		get statusCode() {
			return status;
		},
		code(code: number) {
			status = code;
			return reply;
		},
		status(code: number) {
			status = code;
			return reply;
		},
		header() {
			return reply;
		},
		headers() {
			return reply;
		},
		type() {
			return reply;
		},
		send(body?: unknown) {
			sent ??= { body: parseIfJson(body) };
			reply.sent = true;
			return reply;
		},
	};
	const request = {
		...parts,
		raw: { url: parts.url, method: parts.method },
		log: ctx.logger,
		principal: ctx.principal,
	};
	const returned = await handler(request, reply);
	if (sent) return legacyResult(contract, status, sent.body);
	if (returned === reply)
		throw new Error(
			`the wrapped handler of ${contract.meta.key} returned the reply without sending`,
		);
	return legacyResult(contract, status, returned);
}
