import type { Handler, HandlerContext } from '@charter/runtime';
import type { OperationSpec } from '@charter/spec';
import { legacyRequest, legacyResult, type WrapOptions } from './legacy-call.ts';

/** An Express-style route handler: `(req, res, next)`. */
export type ExpressLikeHandler = (req: any, res: any, next: (error?: unknown) => void) => unknown;

/**
 * Runs an existing Express route handler as the implementation of a contract: it gets a
 * request rebuilt from the typed input (`params`, `query`, `body`, `headers`, `get()`) and a
 * response that captures what it sends (`status`, `json`, `send`, `sendStatus`, `end`,
 * `set`). A 2xx JSON body is the output; an error status becomes the contract's declared
 * error for that status.
 *
 * @example
 * implement(GetPetByIdContract, fromExpressHandler(GetPetByIdContract, legacy.getPet));
 */
export function fromExpressHandler<S extends OperationSpec<any, any, any>>(
	contract: S,
	handler: ExpressLikeHandler,
	options: WrapOptions = {},
): Handler<S> {
	return (input, ctx) => runExpress(contract, handler, input, ctx, options) as never;
}

function runExpress(
	contract: OperationSpec,
	handler: ExpressLikeHandler,
	input: unknown,
	ctx: HandlerContext,
	options: WrapOptions,
): Promise<unknown> {
	const parts = legacyRequest(contract, input, ctx, options);
	return new Promise((resolve, reject) => {
		let status = 200;
		let done = false;
		const responseHeaders: Record<string, string> = {};
		const finish = (body: unknown) => {
			if (done) return;
			done = true;
			try {
				resolve(legacyResult(contract, status, body));
			} catch (error) {
				reject(error);
			}
		};
		const req = {
			...parts,
			originalUrl: parts.url,
			baseUrl: '',
			get: (name: string) => parts.headers[name.toLowerCase()],
			header: (name: string) => parts.headers[name.toLowerCase()],
			principal: ctx.principal,
			signal: ctx.signal,
		};
		const res = {
			locals: {},
			get statusCode() {
				return status;
			},
			set statusCode(code: number) {
				status = code;
			},
			get headersSent() {
				return done;
			},
			status(code: number) {
				status = code;
				return res;
			},
			set(name: string | Record<string, string>, value?: string) {
				if (typeof name === 'string') responseHeaders[name.toLowerCase()] = String(value);
				else for (const [k, v] of Object.entries(name)) responseHeaders[k.toLowerCase()] = v;
				return res;
			},
			setHeader(name: string, value: string) {
				responseHeaders[name.toLowerCase()] = String(value);
				return res;
			},
			header(name: string, value: string) {
				return res.set(name, value);
			},
			type() {
				return res;
			},
			json(body: unknown) {
				finish(body);
				return res;
			},
			send(body: unknown) {
				finish(parseIfJson(body));
				return res;
			},
			sendStatus(code: number) {
				status = code;
				finish(undefined);
				return res;
			},
			end(body?: unknown) {
				finish(parseIfJson(body));
				return res;
			},
		};
		const next = (error?: unknown) => {
			if (done) return;
			done = true;
			reject(
				error ??
					new Error(`the wrapped handler of ${contract.meta.key} called next() without answering`),
			);
		};
		try {
			const returned = handler(req, res, next);
			if (returned && typeof (returned as Promise<unknown>).then === 'function') {
				(returned as Promise<unknown>).then(
					() => {
						if (!done)
							next(
								new Error(`the wrapped handler of ${contract.meta.key} finished without answering`),
							);
					},
					(error: unknown) => next(error),
				);
			}
		} catch (error) {
			next(error);
		}
	});
}

/** Parses a sent string or Buffer as JSON when it is JSON; keeps it otherwise. */
export function parseIfJson(body: unknown): unknown {
	const text =
		typeof body === 'string'
			? body
			: body instanceof Uint8Array
				? Buffer.from(body).toString('utf8')
				: undefined;
	if (text === undefined) return body;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
