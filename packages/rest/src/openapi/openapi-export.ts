import type { Executor } from '@charter/runtime';
import {
	completeExample,
	createJsonSchemaEmitter,
	type FieldNode,
	isObjectRoot,
	JSON_SCHEMA_DIALECT,
	type JsonSchema,
	type JsonSchemaEmitter,
	type ModelNode,
	type TypeNode,
} from '@charter/schema';
import {
	BUILT_IN_PROBLEMS,
	ContractRegistry,
	type Example,
	NO_BODY_STATUSES,
	type OperationSpec,
	pathParameters,
	type RestParameter,
	servedOperations,
	successStatuses,
	WHOLE_INPUT_PARAMETER,
	type WireNames,
	wireNames,
} from '@charter/spec';
import { PROBLEM_SCHEMAS, policyFacts, problemCodesByResponse } from './openapi-problems.ts';

/** What the document says about itself. */
export interface OpenApiOptions {
	readonly title?: string;
	readonly version?: string;
	readonly description?: string;
	readonly servers?: readonly { readonly url: string; readonly description?: string }[];
	/** Prefix of every path, when the API is mounted under one. */
	readonly basePath?: string;
}

/** An OpenAPI 3.1 document (plain JSON). */
export type OpenApiDocument = Record<string, unknown> & {
	openapi: '3.1.0';
	paths: Record<string, Record<string, unknown>>;
};

interface Served {
	readonly spec: OperationSpec;
	readonly wire: WireNames;
	readonly pathParams: readonly string[];
}

const PROBLEM_REF = '#/components/schemas/Problem';
/** Success statuses that carry no body. */

/**
 * Exports the OpenAPI 3.1 document of exactly what the REST server serves: one version per
 * key and major, the same paths, methods, parameters, schemas and problem responses.
 * Output is deterministic: the same contracts give the same bytes.
 *
 * @example
 * const doc = toOpenApi(executor, { title: 'Workflow API', version: '1.0.0' });
 */
export function toOpenApi(
	source: Executor | ContractRegistry,
	options: OpenApiOptions = {},
): OpenApiDocument {
	const served: Served[] =
		source instanceof ContractRegistry
			? servedOperations(source).map((spec) => {
					const wire = wireNames(spec);
					return { spec, wire, pathParams: pathParameters(wire.rest.path) };
				})
			: source.plans.map((p) => ({ spec: p.spec, wire: p.wire, pathParams: p.pathParams }));
	const emitter = createJsonSchemaEmitter({ refPrefix: '#/components/schemas/' });
	const base = (options.basePath ?? '').replace(/\/+$/, '');
	const paths: Record<string, Record<string, unknown>> = {};
	const tags = new Set<string>();
	for (const op of served) {
		const path = base + op.wire.rest.path;
		const operation = describeOperation(op, emitter);
		for (const tag of operation.tags as string[]) tags.add(tag);
		paths[path] = { ...paths[path], [op.wire.rest.method.toLowerCase()]: operation };
	}
	paths[`${base}/healthz`] = { get: systemOperation('healthz', 'Tell whether the server is up.') };
	const readyz = systemOperation('readyz', 'Tell whether the server takes traffic.');
	readyz.responses = {
		...(readyz.responses as Record<string, unknown>),
		'503': {
			description:
				'Not ready (starting, draining, stopping, or a dependency down): the report names what.',
			content: { 'application/json': { schema: { type: 'object' } } },
		},
	};
	paths[`${base}/readyz`] = { get: readyz };
	paths[`${base}/openapi.json`] = {
		get: systemOperation('openapi', 'Give this OpenAPI document.'),
	};
	tags.add('system');
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: JSON_SCHEMA_DIALECT,
		info: {
			title: options.title ?? 'Charter API',
			version: options.version ?? '0.0.0',
			...(options.description ? { description: options.description } : {}),
		},
		servers: options.servers ? options.servers.map((s) => ({ ...s })) : [{ url: '/' }],
		tags: [...tags].sort().map((name) => ({ name })),
		paths: Object.fromEntries(
			Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
		),
		components: {
			schemas: { ...emitter.definitions(), ...PROBLEM_SCHEMAS },
			securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
		},
	};
}

function describeOperation(op: Served, emitter: JsonSchemaEmitter): Record<string, unknown> {
	const { spec, wire } = op;
	const meta = spec.meta;
	const input = spec.io.input;
	const fields: Record<string, FieldNode> = input.kind === 'model' ? { ...input.fields } : {};
	const rest = spec.transport.rest ?? {};
	/** A parameter's schema, or its `content` when it travels as a JSON document, and its style. */
	const described = (p: RestParameter | undefined, schema: unknown) =>
		p?.content
			? { content: { [p.content]: { schema } } }
			: {
					...(p?.style ? { style: p.style } : {}),
					...(p?.explode !== undefined ? { explode: p.explode } : {}),
					schema,
				};
	const parameters: Record<string, unknown>[] = op.pathParams.map((name) => {
		const declared = rest.parameters?.[name];
		return {
			name,
			in: 'path',
			required: true,
			...described(
				declared?.in === 'path' ? declared : undefined,
				fields[name] ? emitter.emitField(fields[name]) : { type: 'string' },
			),
		};
	});
	// Fields declared to travel in the query, headers or cookies, with their wire name and style.
	const declared = Object.entries(rest.parameters ?? {}).filter(
		([name, p]) => fields[name] && p.in !== 'path',
	);
	for (const [name, p] of declared) {
		const field = fields[name]!;
		parameters.push({
			name: p.name ?? name,
			in: p.in,
			required: !field.isOptional,
			...(field.description ? { description: field.description } : {}),
			...(field.deprecated ? { deprecated: true } : {}),
			...described(p, emitter.emitField(field)),
		});
	}
	const outside = [...op.pathParams, ...declared.map(([name]) => name)];
	let requestBody: Record<string, unknown> | undefined;
	if (wire.rest.method === 'GET' && !isObjectRoot(input)) {
		// The whole input in one parameter, described like a field of its type: required, but
		// for a list, whose empty value is no parameter at all.
		const whole: FieldNode =
			input.kind === 'array'
				? { type: input.items, isOptional: true, isArray: true }
				: { type: input, isOptional: false };
		parameters.push(queryParameter(WHOLE_INPUT_PARAMETER, whole, emitter));
	} else if (wire.rest.method === 'GET') {
		for (const [name, field] of Object.entries(fields)) {
			if (outside.includes(name)) continue;
			parameters.push(queryParameter(name, field, emitter));
		}
	} else {
		requestBody = describeBody(spec, outside, emitter);
	}
	if (spec.kind === 'command') {
		parameters.push({
			name: 'Idempotency-Key',
			in: 'header',
			required: false,
			description: 'Replays the stored result of an earlier call with the same key and payload.',
			schema: { type: 'string', minLength: 1, maxLength: 255 },
		});
	}
	// An acceptance output names only the fields it checks: published, it is completed into a
	// whole valid value, or left out when it cannot be.
	const examples = exampleObjects(
		spec.acceptance.examples.filter((e) => e.output !== undefined && e.error === undefined),
		(e) => completeExample(spec.io.output, e.output),
	);
	const responses = successResponses(spec, emitter, examples);
	for (const [key, codes] of problemCodesByResponse(op)) {
		responses[key] = {
			description: codes.map((code) => `${code}: ${describeCode(spec, code)}`).join('\n'),
			content: {
				'application/problem+json': {
					schema: { allOf: [{ $ref: PROBLEM_REF }, { properties: { code: { enum: codes } } }] },
				},
			},
		};
	}
	const description = [
		meta.description,
		meta.goal ? `**Goal:** ${meta.goal}` : undefined,
		meta.context ? `**Context:** ${meta.context}` : undefined,
	].filter(Boolean);
	const deprecated = meta.stability === 'deprecated' || meta.deprecation !== undefined;
	const tags = meta.tags.length > 0 ? [...meta.tags] : [meta.key.split('.')[0]!];
	return {
		operationId: wire.graphql.field,
		summary: meta.title ?? meta.description ?? meta.key,
		...(description.length > 0 ? { description: description.join('\n\n') } : {}),
		tags,
		...(deprecated ? { deprecated: true } : {}),
		...(parameters.length > 0 ? { parameters } : {}),
		...(requestBody ? { requestBody } : {}),
		responses,
		// Anonymous operations still accept (and check) a token: authentication is optional there.
		security: policyFacts(op).authenticated ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }],
		'x-charter-key': meta.key,
		'x-charter-version': meta.version,
	};
}

/**
 * The success responses exactly as `transport.rest` declares them: each status the handler may
 * answer with, the headers and cookies it may set (`Set-Cookie`), and the media types of the
 * body: the JSON output, and a declared download's stream.
 */
function successResponses(
	spec: OperationSpec,
	emitter: JsonSchemaEmitter,
	examples: Record<string, unknown> | undefined,
): Record<string, unknown> {
	const rest = spec.transport.rest;
	const declared = rest?.response;
	const headers: Record<string, unknown> = {};
	for (const [name, header] of Object.entries(declared?.headers ?? {})) {
		headers[name] = {
			...(header.description ? { description: header.description } : {}),
			schema: { type: 'string' },
		};
	}
	const cookies = Object.entries(declared?.cookies ?? {});
	if (cookies.length > 0) {
		headers['Set-Cookie'] = {
			description: cookies
				.map(([name, c]) => `\`${name}\`${c.description ? `: ${c.description}` : ''}`)
				.join('\n'),
			schema: { type: 'string' },
		};
	}
	const content: Record<string, unknown> = {
		'application/json': {
			schema: emitter.emit(spec.io.output),
			...(examples ? { examples } : {}),
		},
	};
	if (declared?.stream) {
		const { mediaType, description } = declared.stream;
		content[mediaType] = {
			schema: {
				type: 'string',
				...(mediaType.startsWith('text/') ? {} : { contentMediaType: mediaType }),
				...(description ? { description } : {}),
			},
		};
	}
	const responses: Record<string, unknown> = {};
	for (const status of successStatuses(rest)) {
		responses[String(status)] = {
			description: 'Success.',
			...(Object.keys(headers).length > 0 ? { headers } : {}),
			...(NO_BODY_STATUSES.has(status) ? {} : { content }),
		};
	}
	return responses;
}

function queryParameter(
	name: string,
	field: FieldNode,
	emitter: JsonSchemaEmitter,
): Record<string, unknown> {
	const schema = emitter.emitField(field);
	const structured =
		['model', 'record', 'union', 'json-schema'].includes(field.type.kind) ||
		(field.type.kind === 'scalar' &&
			(field.type.name === 'JSON' || field.type.name === 'JSONObject'));
	return {
		name,
		in: 'query',
		required: !field.isOptional,
		...(field.description ? { description: field.description } : {}),
		...(field.deprecated ? { deprecated: true } : {}),
		...(structured
			? { content: { 'application/json': { schema } } }
			: { schema, ...(field.isArray ? { style: 'form', explode: true } : {}) }),
	};
}

/**
 * The request body: the input less the fields that travel `outside` it (path and declared
 * parameters), or the one field that is the whole body, in the declared media types.
 */
function describeBody(
	spec: OperationSpec,
	outside: readonly string[],
	emitter: JsonSchemaEmitter,
): Record<string, unknown> {
	const input = spec.io.input;
	const rest = spec.transport.rest ?? {};
	let schema: JsonSchema;
	let required = true;
	let body: TypeNode = input;
	const bodyField =
		input.kind === 'model' && rest.bodyField !== undefined
			? input.fields[rest.bodyField]
			: undefined;
	if (bodyField) {
		schema = emitter.emitField(bodyField);
		required = !bodyField.isOptional;
		body = bodyField.isArray ? { kind: 'array', items: bodyField.type } : bodyField.type;
	} else if (input.kind === 'model') {
		const pathParams = outside;
		const bodyFields = Object.fromEntries(
			Object.entries(input.fields).filter(([name]) => !pathParams.includes(name)),
		);
		required = Object.values(bodyFields).some((f) => !f.isOptional);
		if (pathParams.length > 0) {
			body = { ...input, fields: bodyFields } as ModelNode;
			const { title: _title, ...inline } = emitter.emitInline(body as ModelNode);
			schema = inline;
		} else schema = emitter.emit(input);
	} else schema = emitter.emit(input);
	// The body of an example is its input less the path parameters, which travel in the path.
	const examples = exampleObjects(spec.acceptance.examples, (e) => {
		const value = !(typeof e.input === 'object' && e.input !== null)
			? e.input
			: rest.bodyField !== undefined
				? (e.input as Record<string, unknown>)[rest.bodyField]
				: outside.length > 0
					? Object.fromEntries(Object.entries(e.input).filter(([name]) => !outside.includes(name)))
					: e.input;
		return completeExample(body, value);
	});
	const media = { schema, ...(examples ? { examples } : {}) };
	return {
		required,
		content: Object.fromEntries(
			(rest.bodyMediaTypes ?? ['application/json']).map((type) => [type, media]),
		),
	};
}

/** The Example Objects of acceptance examples whose published value is valid, by key. */
function exampleObjects(
	examples: readonly Example[],
	published: (example: Example) => unknown,
): Record<string, unknown> | undefined {
	const objects: [string, unknown][] = [];
	for (const e of examples) {
		const value = published(e);
		if (value === undefined) continue;
		objects.push([e.key, { ...(e.description ? { summary: e.description } : {}), value }]);
	}
	return objects.length > 0 ? Object.fromEntries(objects) : undefined;
}

function describeCode(spec: OperationSpec, code: string): string {
	if (Object.hasOwn(spec.errors, code)) return spec.errors[code]!.description;
	return Object.hasOwn(BUILT_IN_PROBLEMS, code)
		? BUILT_IN_PROBLEMS[code as keyof typeof BUILT_IN_PROBLEMS].title
		: code;
}

function systemOperation(operationId: string, summary: string): Record<string, unknown> {
	return {
		operationId,
		summary,
		tags: ['system'],
		security: [],
		responses: {
			'200': {
				description: 'Success.',
				content: { 'application/json': { schema: { type: 'object' } } },
			},
		},
	};
}
