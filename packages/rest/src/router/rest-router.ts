import {
	coerceInput,
	createProblem,
	DEFAULT_BODY_LIMIT,
	type Executor,
	endStreamSource,
	faultDetails,
	findUnsafeKey,
	type Invocation,
	type InvocationResult,
	type OperationPlan,
	type Problem,
	parseJsonSafely,
	parseRequestTarget,
	type Readiness,
	type RequestTarget,
	successStatus,
} from '@charter/runtime';
import { fileFields, isObjectRoot, type ScalarConstraints } from '@charter/schema';
import { NO_BODY_STATUSES, WHOLE_INPUT_PARAMETER } from '@charter/spec';
import {
	allowedHeaders,
	type CorsOptions,
	checkCorsOptions,
	corsHeaders,
	exposedHeaders,
} from '../http/cors.ts';
import { deprecationHeaders } from '../http/deprecation-headers.ts';
import { FORM_TYPE, formBodyMembers, MULTIPART_TYPE } from '../http/form-body.ts';
import { type MultipartLimits, readMultipart } from '../http/multipart-body.ts';
import type { BodyResult, RestRequest, RestResponse } from '../http/rest-message.ts';
import {
	type ParameterReader,
	parameterReaders,
	readParameters,
	readPathParameters,
} from '../http/rest-parameters.ts';
import { serializeCookie } from '../http/set-cookie.ts';
import { type OpenApiOptions, toOpenApi } from '../openapi/openapi-export.ts';
import { createRouteTable, type RouteMatch } from './route-table.ts';

/** Options shared by the node server, the fetch handler and the adapters. */
export interface RestOptions {
	/** Largest accepted request body in bytes (1 MiB by default). */
	readonly bodyLimit?: number;
	readonly cors?: CorsOptions;
	/** Document served at `/openapi.json`; `false` to not serve it. */
	readonly openapi?: OpenApiOptions | false;
	/** A prefix the routes live under when mounted inside an app (`/api`). */
	readonly basePath?: string;
	/**
	 * What `/readyz` reports (`createReadiness`): 200 when ready, 503 with the JSON report
	 * naming what is not. Without it, `/readyz` is ready whenever `/healthz` is.
	 */
	readonly readiness?: Pick<Readiness, 'report'>;
}

/** The one router behind every REST entry point. */
export interface RestRouter {
	/** Answers a request; `undefined` when no route matches and `passThrough` is set (adapters). */
	handle(request: RestRequest, passThrough?: false): Promise<RestResponse>;
	handle(request: RestRequest, passThrough: true): Promise<RestResponse | undefined>;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What `transport.rest` declares beyond method and path, prepared once per plan. */
interface PlanWire {
	readonly parameters: readonly ParameterReader[];
	/**
	 * True when `parameters` declares a path parameter: the path is then read in its style
	 * (`simple` when none is given) or as a JSON document, not taken as it came.
	 */
	readonly styledPath: boolean;
	readonly bodyField: string | undefined;
	/** The form media types the body is read in, when any. */
	readonly forms: RegExp | undefined;
	/** The input's `File` fields with their limits, when it has any (a multipart body). */
	readonly files: ReadonlyMap<string, ScalarConstraints | undefined> | undefined;
	/** True when the declared media types leave JSON out. */
	readonly noJson: boolean;
	readonly mediaTypes: readonly string[];
	readonly status: number | undefined;
}

function planWire(plan: OperationPlan): PlanWire | undefined {
	const rest = plan.spec.transport.rest;
	if (!rest) return undefined;
	const { parameters, bodyField, bodyMediaTypes = ['application/json'], status } = rest;
	const form = bodyMediaTypes.includes('application/x-www-form-urlencoded');
	const multipart = bodyMediaTypes.includes('multipart/form-data');
	const noJson = !bodyMediaTypes.includes('application/json');
	if (
		!parameters &&
		bodyField === undefined &&
		!form &&
		!multipart &&
		!noJson &&
		status === undefined
	)
		return undefined;
	const forms =
		form && multipart
			? new RegExp(`${FORM_TYPE.source}|${MULTIPART_TYPE.source}`, 'i')
			: form
				? FORM_TYPE
				: multipart
					? MULTIPART_TYPE
					: undefined;
	const readers = parameterReaders(parameters, plan.spec.io.input);
	const files = fileFields(plan.spec.io.input);
	return {
		parameters: readers,
		styledPath: readers.some((r) => r.in === 'path'),
		bodyField,
		forms,
		files: files.size > 0 ? files : undefined,
		noJson,
		mediaTypes: bodyMediaTypes,
		status,
	};
}

function unsupportedMediaType(types: readonly string[]): { problem: Problem } {
	return {
		problem: createProblem('UNSUPPORTED_MEDIA_TYPE', {
			detail: `send the body as ${types.join(' or ')}`,
		}),
	};
}

/** The declared query, header and cookie parameters of a call with a body, coerced by type. */
function readDeclared(
	plan: OperationPlan,
	readers: readonly ParameterReader[],
	url: RequestTarget,
	request: RestRequest,
): { value: unknown } | { problem: Problem } {
	const raw: Record<string, unknown> = {};
	readParameters(
		readers,
		{ query: new URLSearchParams(url.search), headers: request.headers },
		raw,
	);
	return coercedStrings(plan, raw);
}

/** Strings from the wire coerced to the input's types, after the unsafe-key check. */
function coercedStrings(
	plan: OperationPlan,
	raw: unknown,
): { value: unknown } | { problem: Problem } {
	const unsafe = findUnsafeKey(raw);
	if (unsafe) {
		const code = unsafe.code === 'MALFORMED_JSON' ? 'BAD_REQUEST' : unsafe.code;
		return { problem: createProblem(code, faultDetails(unsafe)) };
	}
	return { value: coerceInput(plan.spec.io.input, raw) };
}

/** A form body (URL-encoded or multipart) as the input, or as its body field's value. */
async function parseFormBody(
	plan: OperationPlan,
	type: string,
	body: BodyResult,
	limit: number,
): Promise<BodyValue | { problem: Problem }> {
	if ('tooLarge' in body) {
		return {
			problem: createProblem('PAYLOAD_TOO_LARGE', { detail: `the body exceeds ${limit} bytes` }),
		};
	}
	const members = await formBodyMembers(body.text, type);
	if (!members) {
		return { problem: createProblem('BAD_REQUEST', { detail: 'the multipart body is malformed' }) };
	}
	return formInput(plan, members);
}

/**
 * A form body as the input: a multipart body with files read as a stream within its limits
 * when the request hands one on, else the body read whole as text.
 */
async function readFormBody(
	plan: OperationPlan,
	type: string,
	request: RestRequest,
	limit: number,
	files: PlanWire['files'],
): Promise<BodyValue | { problem: Problem }> {
	const stream = files && MULTIPART_TYPE.test(type) ? request.bodyStream?.() : undefined;
	return stream
		? parseMultipartBody(plan, type, stream, { bodyLimit: limit, files: files! })
		: parseFormBody(plan, type, await request.readBody(limit), limit);
}

/** A multipart body with files, read as a stream within its limits, as the input. */
async function parseMultipartBody(
	plan: OperationPlan,
	type: string,
	stream: AsyncIterable<Uint8Array>,
	limits: MultipartLimits,
): Promise<BodyValue | { problem: Problem }> {
	const read = await readMultipart(stream, type, limits);
	if ('tooLarge' in read)
		return { problem: createProblem('PAYLOAD_TOO_LARGE', { detail: read.tooLarge }) };
	if ('malformed' in read) {
		return {
			problem: createProblem('BAD_REQUEST', {
				detail: `the multipart body is malformed: ${read.malformed}`,
			}),
		};
	}
	return formInput(plan, read.members);
}

/**
 * A form's members (strings, nested by brackets) as the input, or as its body field's value,
 * coerced by type. A host's parsed form (Express's `express.urlencoded()`) goes through here
 * too.
 */
function formInput(plan: OperationPlan, members: unknown): BodyValue | { problem: Problem } {
	const bodyField = plan.spec.transport.rest?.bodyField;
	const coerced = coercedStrings(
		plan,
		bodyField === undefined ? members : { [bodyField]: members },
	);
	if ('problem' in coerced) return coerced;
	const value = coerced.value as Record<string, unknown>;
	return { value: bodyField === undefined ? value : value[bodyField], parsed: false };
}

/** The default `bodyLimit`, shared by every surface (1 MiB). */
export { DEFAULT_BODY_LIMIT };

/** Creates the shared router over an executor's served plans. */
export function createRestRouter(executor: Executor, options: RestOptions = {}): RestRouter {
	const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
	const base = (options.basePath ?? '').replace(/\/+$/, '');
	const table = createRouteTable(executor.plans);
	// Per plan, computed once: its deprecation headers, or undefined when it has none (most).
	const deprecations = new Map<OperationPlan, Record<string, string> | undefined>();
	// Plans whose input is not an object: it travels whole (see WHOLE_INPUT_PARAMETER in @charter/spec). A list's
	// absent `input` parameter is the empty list: it has no repeated value to send.
	const wholeInputs = new Map<OperationPlan, { readonly absent: unknown }>();
	// Plans whose REST wire is declared beyond method and path (`transport.rest`); most have none.
	const wires = new Map<OperationPlan, PlanWire>();
	for (const plan of executor.plans) {
		const headers = deprecationHeaders(plan.spec);
		deprecations.set(plan, Object.keys(headers).length > 0 ? headers : undefined);
		const wire = planWire(plan);
		if (wire) wires.set(plan, wire);
		// The executor refuses path parameters on such a plan at startup.
		const input = plan.spec.io.input;
		if (!isObjectRoot(input))
			wholeInputs.set(plan, { absent: input.kind === 'array' ? [] : undefined });
	}
	checkCorsOptions(options.cors);
	const corsNames = {
		exposed: exposedHeaders(
			executor.plans.flatMap((plan) =>
				Object.keys(plan.spec.transport.rest?.response?.headers ?? {}),
			),
		),
		allowed: allowedHeaders(
			executor.plans.flatMap((plan) =>
				Object.entries(plan.spec.transport.rest?.parameters ?? {}).flatMap(([field, p]) =>
					p.in === 'header' ? [p.name ?? field] : [],
				),
			),
		),
	};
	let openapi: string | undefined;
	const openapiText = () => {
		openapi ??= JSON.stringify(
			toOpenApi(executor, options.openapi === false ? {} : { ...options.openapi, basePath: base }),
		);
		return openapi;
	};

	// Not async: the common path hands back invoke's promise as is, without a frame of its own.
	// A throw while routing (say, building /openapi.json) still becomes a rejection.
	function handle(request: RestRequest, passThrough = false): Promise<RestResponse | undefined> {
		let routed: RestResponse | undefined | Promise<RestResponse>;
		try {
			routed = route(request, passThrough);
		} catch (error) {
			return Promise.reject(error);
		}
		return routed instanceof Promise ? routed : Promise.resolve(routed);
	}

	/** A response now, or the promise of one from the executor. */
	function route(
		request: RestRequest,
		passThrough: boolean,
	): RestResponse | undefined | Promise<RestResponse> {
		const method = request.method.toUpperCase();
		const origin = request.headers.origin;
		const preflight =
			method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
		const cors = corsHeaders(options.cors, origin, preflight, corsNames);
		const plain = method !== 'HEAD' && Object.keys(cors).length === 0;
		// A module function, not a closure per request (tsx names each one with defineProperty).
		const reply = plain ? plainReply : (response: RestResponse) => withCors(response, cors, method);
		const url = request.target ?? parseRequestTarget(request.url);
		if (!url) {
			return reply(
				problemResponse(createProblem('BAD_REQUEST', { detail: 'the request URL is malformed' })),
			);
		}
		if (base && !(url.pathname === base || url.pathname.startsWith(`${base}/`))) {
			return passThrough ? undefined : reply(notFound(url.pathname));
		}
		const path = url.pathname.slice(base.length) || '/';

		if (path === '/healthz' || (path === '/openapi.json' && options.openapi !== false)) {
			if (method !== 'GET' && method !== 'HEAD') {
				return reply(methodNotAllowed(['GET', 'HEAD']));
			}
			const body = path === '/healthz' ? '{"status":"ok"}' : openapiText();
			return reply({ status: 200, headers: { 'content-type': 'application/json' }, body });
		}
		if (path === '/readyz') {
			if (method !== 'GET' && method !== 'HEAD') return reply(methodNotAllowed(['GET', 'HEAD']));
			return readinessResponse(options.readiness).then(reply);
		}
		if (method === 'OPTIONS') {
			const allow = table.allowed(path);
			if (!allow) return passThrough ? undefined : reply(notFound(path));
			return reply({ status: 204, headers: { allow: allow.join(', ') } });
		}
		const match: RouteMatch = table.match(method, path);
		switch (match.kind) {
			case 'bad-path':
				return reply(
					problemResponse(
						createProblem('BAD_REQUEST', { detail: 'the path is not validly percent-encoded' }),
					),
				);
			case 'not-found':
				return passThrough ? undefined : reply(notFound(path));
			case 'method-not-allowed':
				return reply(methodNotAllowed(match.allow));
		}
		const pending = invoke(match.plan, match.params, url, request, method);
		return plain ? pending : pending.then(reply);
	}

	async function invoke(
		plan: OperationPlan,
		params: Record<string, string>,
		url: RequestTarget,
		request: RestRequest,
		method: string,
	): Promise<RestResponse> {
		if (request.access !== undefined) request.access.route = base + plan.wire.rest.path;
		let input: unknown;
		let fromSafeJson = false;
		const whole = wholeInputs.get(plan);
		const wire = wires.get(plan);
		const hasBody = BODY_METHODS.has(method);
		if (hasBody) {
			const anyValue = whole !== undefined || wire?.bodyField !== undefined;
			const type = request.headers['content-type'];
			// The body is awaited here, not in a helper's async frame: one tick less per request.
			const body =
				request.parsedBody !== undefined
					? wire?.forms && type !== undefined && wire.forms.test(type)
						? formInput(plan, request.parsedBody)
						: asInput(request.parsedBody, false, anyValue)
					: (declaredTooLarge(request, limit) ??
						(wire?.forms && type !== undefined && wire.forms.test(type)
							? await readFormBody(plan, type, request, limit, wire.files)
							: wire?.noJson
								? unsupportedMediaType(wire.mediaTypes)
								: parseJsonBody(request, await request.readBody(limit), limit, anyValue)));
			if ('problem' in body) return problemResponse(body.problem);
			input = body.value;
			fromSafeJson = body.parsed;
			if (wire) {
				if (wire.bodyField !== undefined)
					input = input === undefined ? {} : { [wire.bodyField]: input };
				if (wire.parameters.length > 0) {
					const params = readDeclared(plan, wire.parameters, url, request);
					if ('problem' in params) return problemResponse(params.problem);
					input = Object.assign({}, input, params.value);
					fromSafeJson = false;
				}
			}
		} else {
			const query = new URLSearchParams(url.search);
			input = whole ? wholeQueryInput(query, whole.absent) : queryInput(query);
			if (wire && !whole) {
				readParameters(
					wire.parameters,
					{ query, headers: request.headers },
					input as Record<string, unknown>,
				);
			}
		}
		// Path parameters are strings on the wire: coerce them to their declared field types.
		// Merged with fromEntries: it defines keys like a spread (a `__proto__` key stays a key
		// for the unsafe-key check), without a spread given more keys ("Benchmarks", README).
		const merged =
			plan.pathParams.length === 0
				? input
				: Object.fromEntries([
						...Object.entries(input as Record<string, unknown>),
						...Object.entries(
							coerceInput(
								plan.spec.io.input,
								wire?.styledPath ? readPathParameters(wire.parameters, params) : params,
							) as Record<string, unknown>,
						),
					]);
		// Built in place, not from conditional spreads: this runs once per request.
		const invocation: { -readonly [K in keyof Invocation]: Invocation[K] } = {
			operation: plan.key,
			version: plan.version,
			input: merged,
			metadata:
				request.access === undefined
					? {
							headers: request.headers,
							transport: 'rest',
							method,
							path: url.pathname,
							clientAddress: request.clientAddress,
						}
					: {
							headers: request.headers,
							transport: 'rest',
							method,
							path: url.pathname,
							clientAddress: request.clientAddress,
							access: request.access,
						},
			coerce: !hasBody,
			inputFromSafeJson: fromSafeJson,
			wantsJson: true,
			streams: true,
		};
		if (plan.spec.kind === 'command') {
			const idempotencyKey = request.headers['idempotency-key'];
			if (idempotencyKey !== undefined) invocation.idempotencyKey = idempotencyKey;
		}
		if (request.signal) invocation.signal = request.signal;
		const result = await executor.execute(invocation);
		const deprecation = deprecations.get(plan);
		if (!result.ok) {
			const common: Record<string, string> = { 'x-trace-id': result.traceId };
			if (deprecation) Object.assign(common, deprecation);
			return problemResponse(result.problem, common);
		}
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'x-trace-id': result.traceId,
		};
		if (deprecation) Object.assign(headers, deprecation);
		if (result.replayed) headers['idempotent-replayed'] = 'true';
		if (result.response !== undefined) {
			return controlledResponse(plan, result, headers);
		}
		const status = wire?.status ?? 200;
		if (NO_BODY_STATUSES.has(status)) {
			delete headers['content-type'];
			return { status, headers };
		}
		return { status, headers, body: result.outputJson ?? JSON.stringify(result.output) };
	}

	return { handle } as RestRouter;
}

/**
 * A success whose handler set its response (`ctx.response`): the status it chose, its declared
 * headers and cookies, and a download's stream in place of the JSON output.
 */
function controlledResponse(
	plan: OperationPlan,
	result: Extract<InvocationResult, { ok: true }>,
	headers: Record<string, string>,
): RestResponse {
	const set = result.response!;
	const status = successStatus(plan.spec, set);
	// Charter's own headers (trace id, replay) win over nothing: declared names cannot clash.
	if (set.headers !== undefined) Object.assign(headers, set.headers);
	const declared = plan.spec.transport.rest?.response?.cookies;
	const cookies =
		set.cookies === undefined
			? undefined
			: set.cookies.map((c) => serializeCookie(c, declared?.[c.name]));
	if (NO_BODY_STATUSES.has(status)) {
		delete headers['content-type'];
		// A stream the handler gave is not read: end it.
		endStreamSource(set.stream);
		return cookies ? { status, headers, cookies } : { status, headers };
	}
	if (set.stream !== undefined) {
		headers['content-type'] =
			plan.spec.transport.rest?.response?.stream?.mediaType ?? 'application/octet-stream';
		return cookies
			? { status, headers, cookies, stream: set.stream }
			: { status, headers, stream: set.stream };
	}
	const body = result.outputJson ?? JSON.stringify(result.output);
	return cookies ? { status, headers, body, cookies } : { status, headers, body };
}

/** `/readyz`: 200 and the report when ready, 503 (no caching, retry soon) when not. */
async function readinessResponse(
	readiness: Pick<Readiness, 'report'> | undefined,
): Promise<RestResponse> {
	const report = readiness
		? await readiness.report()
		: { status: 'ready', phase: 'ready', checks: {} };
	const ready = report.status === 'ready';
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'cache-control': 'no-store',
	};
	if (!ready) headers['retry-after'] = '1';
	return { status: ready ? 200 : 503, headers, body: JSON.stringify(report) };
}

function plainReply(response: RestResponse): RestResponse {
	return response;
}

/** Adds the CORS headers to a response; a HEAD response loses its body. */
function withCors(
	response: RestResponse,
	cors: Readonly<Record<string, string>>,
	method: string,
): RestResponse {
	// Object.assign, not spreads: see "Benchmarks" in the README (spreads that add keys).
	const headers = Object.assign({}, cors, response.headers);
	if (method !== 'HEAD') return Object.assign({}, response, { headers });
	endStreamSource(response.stream);
	return response.cookies
		? { status: response.status, headers, cookies: response.cookies }
		: { status: response.status, headers };
}

/** The 413 problem when the declared Content-Length is over the limit: no need to read. */
function declaredTooLarge(request: RestRequest, limit: number): { problem: Problem } | undefined {
	const declared = request.headers['content-length'];
	if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
		return {
			problem: createProblem('PAYLOAD_TOO_LARGE', { detail: `the body exceeds ${limit} bytes` }),
		};
	}
	return undefined;
}

/** Parses a read body as a JSON object; the problem when it is too large, not JSON or unsafe. */
function parseJsonBody(
	request: RestRequest,
	body: BodyResult,
	limit: number,
	whole: boolean,
): BodyValue | { problem: Problem } {
	const type = request.headers['content-type'];
	if ('tooLarge' in body) {
		return {
			problem: createProblem('PAYLOAD_TOO_LARGE', { detail: `the body exceeds ${limit} bytes` }),
		};
	}
	if (body.text.length === 0 && type === undefined) return emptyBody(whole);
	if (type === undefined || !JSON_TYPE.test(type)) {
		return {
			problem: createProblem('UNSUPPORTED_MEDIA_TYPE', {
				detail: 'send the body as application/json',
			}),
		};
	}
	if (body.text.trim().length === 0) return emptyBody(whole);
	const parsed = parseJsonSafely(body.text);
	if (!parsed.ok) {
		const { fault } = parsed;
		return {
			problem: createProblem(
				fault.code,
				fault.code === 'MALFORMED_JSON'
					? { detail: `the body is not valid JSON: ${fault.message}` }
					: faultDetails(fault),
			),
		};
	}
	return asInput(parsed.value, true, whole);
}

/** A request body as an input; `parsed` when this router parsed it from the text. */
interface BodyValue {
	readonly value: unknown;
	readonly parsed: boolean;
}

/** An empty body: no input for a whole one, an empty object (a fresh one: Ajv may fill it). */
function emptyBody(whole: boolean): BodyValue {
	return { value: whole ? undefined : {}, parsed: true };
}

/** The body as the input: an object, unless the input travels whole (any JSON value). */
function asInput(
	value: unknown,
	parsed: boolean,
	whole: boolean,
): BodyValue | { problem: Problem } {
	if (whole || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
		return { value, parsed };
	}
	return {
		problem: createProblem('VALIDATION_FAILED', {
			detail: 'the body must be a JSON object',
			issues: [{ path: '', code: 'type', message: 'must be an object' }],
		}),
	};
}

/** The `input` query parameter as a whole input: a list when repeated, `absent` when absent. */
function wholeQueryInput(params: URLSearchParams, absent: unknown): unknown {
	const values = params.getAll(WHOLE_INPUT_PARAMETER);
	if (values.length === 0) return absent;
	return values.length === 1 ? values[0] : values;
}

/** Query string to input: repeated keys become lists; coercion happens in the executor. */
function queryInput(params: URLSearchParams): Record<string, unknown> {
	const input: Record<string, unknown> = Object.create(null);
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		input[key] = values.length === 1 ? values[0] : values;
	}
	return { ...input };
}

/** Encodes a problem as an `application/problem+json` response. */
export function problemResponse(
	problem: Problem,
	headers: Record<string, string> = {},
): RestResponse {
	return {
		status: problem.status,
		headers: {
			'content-type': 'application/problem+json',
			...headers,
			...(problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
			...(problem.retryAfter !== undefined ? { 'retry-after': String(problem.retryAfter) } : {}),
		},
		body: JSON.stringify(problem),
	};
}

function notFound(path: string): RestResponse {
	return problemResponse(createProblem('NOT_FOUND', { detail: `no route for ${path}` }));
}

function methodNotAllowed(allow: readonly string[]): RestResponse {
	return problemResponse(
		createProblem('METHOD_NOT_ALLOWED', { detail: `use ${allow.join(', ')}` }),
		{ allow: allow.join(', ') },
	);
}
