import { isSemver } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject, type OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import { keySegment, NameAllocator, pascalCase, words } from './naming.ts';
import { annotations, type SchemaConverter, withNull } from './schema-converter.ts';
import type { Decl, Expr, FieldExpr } from './type-expr.ts';

/** A declared error of an imported operation. */
export interface ErrorDraft {
	readonly code: string;
	readonly status: number;
	readonly description: string;
	readonly data?: Expr;
}

/** An operation ready to be written as `defineCommand` / `defineQuery`. */
export interface OperationDraft {
	readonly constName: string;
	readonly kind: 'command' | 'query';
	readonly key: string;
	readonly version: string;
	readonly group: string;
	readonly module: string;
	readonly title?: string;
	readonly description?: string;
	readonly tags: readonly string[];
	readonly deprecated: boolean;
	readonly input: Expr;
	readonly output: Expr;
	readonly errors: readonly ErrorDraft[];
	readonly auth: 'anonymous' | 'user';
	readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly path: string;
	/** Header parameters, by input field name: the wrappers read them from request headers. */
	readonly headers: readonly string[];
	readonly graphqlField?: string;
	readonly mcpTool?: string;
	/** JSON path of the operation in the source document. */
	readonly pointer: string;
}

const SERVED = ['get', 'post', 'put', 'patch', 'delete'] as const;
const UNSERVED = ['head', 'options', 'trace'] as const;
const JSON_ANY: Expr = { kind: 'scalar', name: 'JSON' };

const REASONS: Record<number, string> = {
	400: 'BAD_REQUEST',
	401: 'UNAUTHORIZED',
	402: 'PAYMENT_REQUIRED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	405: 'METHOD_NOT_ALLOWED',
	406: 'NOT_ACCEPTABLE',
	408: 'REQUEST_TIMEOUT',
	409: 'CONFLICT',
	410: 'GONE',
	411: 'LENGTH_REQUIRED',
	412: 'PRECONDITION_FAILED',
	413: 'CONTENT_TOO_LARGE',
	415: 'UNSUPPORTED_MEDIA_TYPE',
	416: 'RANGE_NOT_SATISFIABLE',
	417: 'EXPECTATION_FAILED',
	418: 'IM_A_TEAPOT',
	421: 'MISDIRECTED_REQUEST',
	422: 'UNPROCESSABLE_CONTENT',
	423: 'LOCKED',
	424: 'FAILED_DEPENDENCY',
	425: 'TOO_EARLY',
	426: 'UPGRADE_REQUIRED',
	428: 'PRECONDITION_REQUIRED',
	429: 'TOO_MANY_REQUESTS',
	431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
	451: 'UNAVAILABLE_FOR_LEGAL_REASONS',
	500: 'INTERNAL_SERVER_ERROR',
	501: 'NOT_IMPLEMENTED',
	502: 'BAD_GATEWAY',
	503: 'SERVICE_UNAVAILABLE',
	504: 'GATEWAY_TIMEOUT',
};

/** Tells the code an HTTP error status gets (`404` -> `NOT_FOUND`, `499` -> `HTTP_499`). */
export function errorCodeOf(status: number): string {
	return REASONS[status] ?? `HTTP_${status}`;
}

/** Converts the operations of an OpenAPI document into drafts, reporting every adjustment. */
export class OperationConverter {
	readonly #keys = new NameAllocator();
	readonly #graphql = new NameAllocator();
	readonly #mcp = new NameAllocator();
	readonly #routes = new Map<string, string>();
	readonly version: string;

	constructor(
		private readonly source: OpenApiSource,
		private readonly schemas: SchemaConverter,
		private readonly report: ImportReport,
		private readonly names: NameAllocator,
	) {
		const declared = (source.root.info as JsonObject).version as string;
		this.version = isSemver(declared) ? declared : '1.0.0';
		if (this.version !== declared) {
			report.add(
				'version',
				'#/info/version',
				`${JSON.stringify(declared)} is not a semantic version; contracts get version 1.0.0`,
			);
		}
	}

	/** Lists the operations to convert, in document order, with their JSON paths. */
	list(): { path: string; method: string; pointer: string; item: JsonObject; op: JsonObject }[] {
		const out: {
			path: string;
			method: string;
			pointer: string;
			item: JsonObject;
			op: JsonObject;
		}[] = [];
		const paths = (this.source.root.paths ?? {}) as JsonObject;
		for (const [path, rawItem] of Object.entries(paths)) {
			const itemAt = child('#/paths', path);
			const { value: item } = this.source.deref(rawItem, this.source.mainFile, itemAt);
			if (!isObject(item)) continue;
			for (const method of UNSERVED) {
				if (isObject(item[method])) {
					this.report.add(
						'skipped',
						child(itemAt, method),
						`${method.toUpperCase()} operations are not served by Charter (it answers HEAD and OPTIONS itself)`,
					);
				}
			}
			for (const method of SERVED) {
				const op = item[method];
				if (isObject(op)) out.push({ path, method, pointer: child(itemAt, method), item, op });
			}
		}
		if (isObject(this.source.root.webhooks) && Object.keys(this.source.root.webhooks).length > 0) {
			this.report.add(
				'skipped',
				'#/webhooks',
				'webhooks are not imported (they are calls the API makes, not serves)',
			);
		}
		return out;
	}

	/** Converts one operation; undefined when it cannot be served (reported). */
	convert(entry: {
		path: string;
		method: string;
		pointer: string;
		item: JsonObject;
		op: JsonObject;
	}): OperationDraft | undefined {
		const { path, method, pointer, item, op } = entry;
		const file = this.source.mainFile;
		const shape = `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '')}`;
		const taken = this.#routes.get(shape);
		if (taken) {
			this.report.add(
				'skipped',
				pointer,
				`routes the same way as ${taken} (paths differ only in parameter names); not imported`,
			);
			return undefined;
		}
		this.#routes.set(shape, pointer);
		const tags = Array.isArray(op.tags)
			? op.tags.filter((t): t is string => typeof t === 'string')
			: [];
		const firstSegment = path.split('/').find((s) => s && !s.startsWith('{')) ?? 'root';
		const group = keySegment(tags[0] ?? firstSegment);
		const module = `${group}/${group}.operations`;
		const key = this.#key(op, method, path, group, pointer);
		const base = pascalCase(typeof op.operationId === 'string' ? op.operationId : key);
		const constName = this.names.claim(`${base}Contract`);
		const isGet = method === 'get';
		const fields: Record<string, FieldExpr> = {};
		const headers: string[] = [];
		const site = (at: string, hint: string) => ({ file, pointer: at, hint, module });

		for (const { param, at } of this.#parameters(item, op, pointer)) {
			const name = String(param.name);
			const where = String(param.in);
			if (where === 'cookie') {
				this.report.add(
					'skipped',
					at,
					`cookie parameter ${JSON.stringify(name)} is not imported (Charter reads no cookies)`,
				);
				continue;
			}
			const schemaAt = param.schema !== undefined ? child(at, 'schema') : at;
			const schema = param.schema ?? contentSchema(param.content);
			const required = where === 'path' || param.required === true;
			let field = this.schemas.field(
				schema,
				site(schemaAt, `${base}${pascalCase(name)}`),
				required && where !== 'header',
			);
			field = { ...field, ...annotations(param) };
			const defaultStyle = where === 'query' || where === 'cookie' ? 'form' : 'simple';
			if (typeof param.style === 'string' && param.style !== defaultStyle) {
				this.report.add(
					'normalized',
					at,
					`style "${param.style}" is not kept: Charter reads ${where === 'query' ? 'repeated keys or JSON' : 'plain values'}`,
				);
			}
			if (where === 'header') {
				headers.push(name);
				this.report.add(
					'header-parameter',
					at,
					`header ${JSON.stringify(name)} is an optional input field; the REST router does not bind headers yet (the wrappers fill it from the request headers)`,
				);
			} else if (where === 'query' && !isGet) {
				this.report.add(
					'normalized',
					at,
					`query parameter ${JSON.stringify(name)} of a ${method.toUpperCase()} is an input field; Charter reads it from the JSON body`,
				);
			}
			if (Object.hasOwn(fields, name)) {
				this.report.add(
					'skipped',
					at,
					`a second parameter named ${JSON.stringify(name)} (in ${where}) is left out: input fields share one namespace`,
				);
				continue;
			}
			fields[name] = field;
		}

		const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
		for (const name of pathParams) {
			if (!Object.hasOwn(fields, name)) {
				this.report.add(
					'normalized',
					pointer,
					`path parameter ${JSON.stringify(name)} is not declared; typed as a string`,
				);
				fields[name] = { type: { kind: 'scalar', name: 'String' }, isOptional: false };
			}
		}

		const input = this.#input(
			op,
			pointer,
			fields,
			isGet,
			base,
			module,
			headers.length === 0 && Object.keys(fields).length === 0,
		);
		const { output, errors } = this.#responses(op, pointer, base, module);
		const description =
			typeof op.description === 'string' && op.description.trim() ? op.description : undefined;
		const summary = typeof op.summary === 'string' && op.summary.trim() ? op.summary : undefined;
		if (isObject(op.callbacks))
			this.report.add('skipped', child(pointer, 'callbacks'), 'callbacks are not imported');
		if (op.servers !== undefined || item.servers !== undefined) {
			this.report.add(
				'dropped',
				pointer,
				'`servers` of a path or operation are not kept; mount the routes yourself',
			);
		}
		const wire = this.#wire(key, pointer);
		return {
			constName,
			kind: isGet ? 'query' : 'command',
			key,
			version: this.version,
			group,
			module,
			...(summary ? { title: summary } : {}),
			...(description || summary ? { description: description ?? summary } : {}),
			tags,
			deprecated: op.deprecated === true,
			input,
			output,
			errors,
			auth: this.#auth(op, pointer),
			method: method.toUpperCase() as OperationDraft['method'],
			path,
			headers,
			...wire,
			pointer,
		};
	}

	/** Reports examples of a media type: Charter keeps examples on fields, not on bodies. */
	#mediaExamples(holder: unknown, type: string, at: string): void {
		const media = isObject(holder) && isObject(holder.content) ? holder.content[type] : undefined;
		if (isObject(media) && (media.example !== undefined || media.examples !== undefined)) {
			this.report.add(
				'dropped',
				child(at, 'content', type, media.example !== undefined ? 'example' : 'examples'),
				'body examples are not kept (field examples are); add them as acceptance examples with their expected output',
			);
		}
	}

	#parameters(
		item: JsonObject,
		op: JsonObject,
		pointer: string,
	): { param: JsonObject; at: string }[] {
		const byId = new Map<string, { param: JsonObject; at: string }>();
		const itemAt = pointer.slice(0, pointer.lastIndexOf('/'));
		const lists: [unknown, string][] = [
			[item.parameters, child(itemAt, 'parameters')],
			[op.parameters, child(pointer, 'parameters')],
		];
		for (const [list, at] of lists) {
			if (!Array.isArray(list)) continue;
			list.forEach((raw, i) => {
				const paramAt = child(at, i);
				const { value } = this.source.deref(raw, this.source.mainFile, paramAt);
				if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') {
					this.report.add('skipped', paramAt, 'a parameter needs a `name` and an `in`; left out');
					return;
				}
				byId.set(`${value.in}:${value.name}`, { param: value, at: paramAt });
			});
		}
		return [...byId.values()];
	}

	#input(
		op: JsonObject,
		pointer: string,
		fields: Record<string, FieldExpr>,
		isGet: boolean,
		base: string,
		module: string,
		noParameters: boolean,
	): Expr {
		const file = this.source.mainFile;
		const name = this.names.claim(`${base}Input`);
		if (op.requestBody !== undefined) {
			const bodyAt = child(pointer, 'requestBody');
			const { value: body } = this.source.deref(op.requestBody, file, bodyAt);
			const picked = isObject(body) ? pickMedia(body.content) : undefined;
			if (picked) this.#mediaExamples(body, picked.type, bodyAt);
			if (isGet) {
				this.report.add(
					'dropped',
					bodyAt,
					'a GET request body is not kept: Charter reads GET input from the query string',
				);
			} else if (picked) {
				if (!picked.json) {
					this.report.add(
						'normalized',
						child(bodyAt, 'content'),
						`body media type ${picked.type} is read as application/json by Charter`,
					);
				}
				const at = child(bodyAt, 'content', picked.type, 'schema');
				const converted = this.schemas.convert(picked.schema, {
					file,
					pointer: at,
					hint: name,
					module,
					ownName: name,
				});
				const bodyRequired = isObject(body) && body.required === true;
				const decl = converted.expr.kind === 'ref' ? converted.expr.decl : undefined;
				if (decl?.kind === 'model') {
					if (!bodyRequired && Object.values(decl.fields).some((f) => !f.isOptional)) {
						this.report.add(
							'normalized',
							bodyAt,
							'the body is optional but has required fields: Charter requires the body',
						);
					}
					if (noParameters) return converted.expr;
					const inline = decl.module === module && decl.name === name;
					if (!inline) {
						this.report.add(
							'normalized',
							at,
							`body model ${decl.name} is flattened into ${name} together with the parameters`,
						);
					}
					for (const [prop, f] of Object.entries(decl.fields)) {
						if (Object.hasOwn(fields, prop)) {
							this.report.add(
								'skipped',
								child(at, 'properties', prop),
								`body property ${JSON.stringify(prop)} has the name of a parameter; the parameter wins`,
							);
						} else fields[prop] = f;
					}
					if (inline) {
						decl.fields = fields;
						return converted.expr;
					}
				} else {
					this.report.add(
						'normalized',
						at,
						'the body is not an object: it is the input field `body`',
					);
					fields.body = {
						type: converted.expr,
						isOptional: !bodyRequired,
						...(converted.nullable ? { isNullable: true } : {}),
					};
				}
			} else {
				this.report.add('dropped', bodyAt, 'the body has no schema; it is not described');
			}
		}
		return { kind: 'ref', decl: this.#declareModel(name, module, fields) };
	}

	#declareModel(name: string, module: string, fields: Record<string, FieldExpr>): Decl {
		const decl: Decl = { kind: 'model', name, module, fields };
		this.schemas.declarations.push(decl);
		return decl;
	}

	#responses(
		op: JsonObject,
		pointer: string,
		base: string,
		module: string,
	): { output: Expr; errors: ErrorDraft[] } {
		const file = this.source.mainFile;
		const at = child(pointer, 'responses');
		const responses = isObject(op.responses) ? op.responses : {};
		const statuses = Object.keys(responses);
		const success = statuses.filter((s) => /^2(\d\d|XX)$/i.test(s)).sort();
		const primary = success.includes('200') ? '200' : success[0];
		let output: Expr = JSON_ANY;
		const errors: ErrorDraft[] = [];
		const media = (status: string) => {
			const responseAt = child(at, status);
			const { value } = this.source.deref(responses[status], file, responseAt);
			const response = isObject(value) ? value : {};
			const picked = pickMedia(response.content);
			if (picked) this.#mediaExamples(response, picked.type, responseAt);
			if (isObject(response.headers) && Object.keys(response.headers).length > 0) {
				this.report.add(
					'dropped',
					child(responseAt, 'headers'),
					'response headers are not described by Charter',
				);
			}
			return { response, picked, responseAt };
		};
		if (primary === undefined) {
			this.report.add('normalized', at, 'no success response is declared: the output is any JSON');
		} else {
			const { picked, responseAt } = media(primary);
			if (picked) {
				const name = this.names.claim(`${base}Output`);
				output = withNull(
					this.schemas.convert(picked.schema, {
						file,
						pointer: child(responseAt, 'content', picked.type, 'schema'),
						hint: name,
						module,
						ownName: name,
					}),
				);
				if (!picked.json)
					this.report.add(
						'normalized',
						responseAt,
						`response media type ${picked.type} is served as application/json`,
					);
			} else {
				this.report.add(
					'normalized',
					responseAt,
					'the success response has no JSON body: the output is any JSON',
				);
			}
			if (primary !== '200')
				this.report.add('normalized', responseAt, `status ${primary} is served as 200`);
		}
		for (const status of success) {
			if (status !== primary)
				this.report.add(
					'dropped',
					child(at, status),
					`another success status (${status}) is not kept: one output per operation`,
				);
		}
		for (const status of statuses) {
			if (/^[45](\d\d|XX)$/i.test(status)) {
				const code = /XX$/i.test(status) ? Number(status[0]) * 100 : Number(status);
				const { response, picked, responseAt } = media(status);
				const data = picked
					? withNull(
							this.schemas.convert(picked.schema, {
								file,
								pointer: child(responseAt, 'content', picked.type, 'schema'),
								hint: `${base}${pascalCase(errorCodeOf(code))}`,
								module,
							}),
						)
					: undefined;
				errors.push({
					code: /XX$/i.test(status) ? `HTTP_${status.toUpperCase()}` : errorCodeOf(code),
					status: code,
					description:
						typeof response.description === 'string' ? response.description : errorCodeOf(code),
					...(data ? { data } : {}),
				});
			} else if (status === 'default') {
				this.report.add(
					'dropped',
					child(at, status),
					'the `default` response is not kept: unexpected errors are Charter problems',
				);
			} else if (!/^2/.test(status)) {
				this.report.add('dropped', child(at, status), `status ${status} is not kept`);
			}
		}
		return { output, errors };
	}

	#auth(op: JsonObject, pointer: string): 'anonymous' | 'user' {
		const requirements = Array.isArray(op.security) ? op.security : this.source.root.security;
		if (!Array.isArray(requirements) || requirements.length === 0) return 'anonymous';
		if (requirements.some((r) => isObject(r) && Object.keys(r).length === 0)) return 'anonymous';
		const scoped = requirements.some(
			(r) => isObject(r) && Object.values(r).some((s) => Array.isArray(s) && s.length > 0),
		);
		if (scoped) {
			this.report.add(
				'dropped',
				Array.isArray(op.security) ? child(pointer, 'security') : '#/security',
				'security scopes are not enforced: the policy requires a signed-in user; add roles or permissions by hand',
			);
		}
		return 'user';
	}

	#key(op: JsonObject, method: string, path: string, group: string, pointer: string): string {
		let key: string;
		if (typeof op.operationId === 'string' && op.operationId.trim()) {
			const segments = op.operationId
				.split(/[/.:\s]+/)
				.filter((s) => words(s).length > 0)
				.map(keySegment);
			key = segments.length > 1 ? segments.join('.') : `${group}.${segments[0] ?? 'op'}`;
		} else {
			const parts = path
				.split('/')
				.filter(Boolean)
				.map((s) => (s.startsWith('{') ? `by-${keySegment(s)}` : keySegment(s)));
			key = [...(parts.length > 0 ? parts : ['root']), method].join('.');
		}
		const claimed = this.#keys.claim(key, '-');
		if (claimed !== key) {
			this.report.add(
				'key-collision',
				pointer,
				`key ${key} is taken by another operation; this one is ${claimed}`,
			);
		}
		return claimed;
	}

	/** GraphQL field and MCP tool overrides, when the key's defaults collide with another's. */
	#wire(key: string, pointer: string): { graphqlField?: string; mcpTool?: string } {
		const parts = key.split(/[.\-_]/).filter(Boolean);
		const camel = parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
		const major = Number(this.version.split('.')[0]);
		const field = major >= 2 ? `${camel}V${major}` : camel;
		const suffix = major >= 2 ? `_v${major}` : '';
		const tool =
			parts
				.join('_')
				.slice(0, 64 - suffix.length)
				.replace(/_+$/, '') + suffix;
		const out: { graphqlField?: string; mcpTool?: string } = {};
		const gotField = this.#graphql.claim(field);
		if (gotField !== field) {
			out.graphqlField = gotField;
			this.report.add(
				'key-collision',
				pointer,
				`GraphQL field ${field} is taken; this operation uses ${gotField}`,
			);
		}
		let gotTool = this.#mcp.claim(tool, '_');
		if (gotTool.length > 64) gotTool = this.#mcp.claim(tool.slice(0, 58), '_');
		if (gotTool !== tool) {
			out.mcpTool = gotTool;
			this.report.add(
				'key-collision',
				pointer,
				`MCP tool ${tool} is taken; this operation uses ${gotTool}`,
			);
		}
		return out;
	}
}

function contentSchema(content: unknown): unknown {
	return pickMedia(content)?.schema;
}

/** Picks the JSON media type of a content map (else a form, else the first). */
function pickMedia(content: unknown): { type: string; schema: unknown; json: boolean } | undefined {
	if (!isObject(content)) return undefined;
	const types = Object.keys(content);
	const json =
		types.find((t) => /^application\/json\b/i.test(t)) ?? types.find((t) => /[/+]json\b/i.test(t));
	const type = json ?? types.find((t) => /form/i.test(t)) ?? types[0];
	if (type === undefined) return undefined;
	const media = content[type];
	const schema = isObject(media) ? media.schema : undefined;
	if (schema === undefined) return undefined;
	return { type, schema, json: json !== undefined };
}
