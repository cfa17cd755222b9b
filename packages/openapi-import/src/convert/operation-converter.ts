// The operation converter: lists the document's operations and assembles each one's draft from
// its parameters, request body, responses, keys and auth.
import { isSemver, restRouteShape } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject, type OpenApiSource } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';
import { type NameAllocator, pascalCase } from './naming.ts';
import { operationAuth } from './operation-auth.ts';
import type { OperationDraft } from './operation-draft.ts';
import { operationInput } from './operation-input.ts';
import { OperationKeys } from './operation-keys.ts';
import { placeOperations } from './operation-modules.ts';
import { parameterFields } from './operation-parameters.ts';
import { operationResponses } from './operation-responses.ts';
import type { OperationEntry, OperationScope } from './operation-scope.ts';
import type { SchemaConverter } from './schema-converter.ts';

export type { ErrorDraft, OperationDraft } from './operation-draft.ts';

const SERVED = ['get', 'post', 'put', 'patch', 'delete'] as const;
const UNSERVED = ['head', 'options', 'trace'] as const;

/** Converts the operations of an OpenAPI document into drafts, reporting every adjustment. */
export class OperationConverter implements OperationScope {
	readonly #keys: OperationKeys;
	readonly #routes = new Map<string, string>();
	readonly version: string;

	constructor(
		readonly source: OpenApiSource,
		readonly schemas: SchemaConverter,
		readonly report: ImportReport,
		readonly names: NameAllocator,
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
		this.#keys = new OperationKeys(report, this.version);
	}

	/** Lists the operations to convert, in document order, with their JSON paths. */
	list(): OperationEntry[] {
		const out: OperationEntry[] = [];
		const paths = (this.source.root.paths ?? {}) as JsonObject;
		for (const [path, rawItem] of Object.entries(paths)) {
			const itemAt = child('#/paths', path);
			const itemTarget = this.source.deref(rawItem, this.source.mainFile, itemAt);
			const item = itemTarget.value;
			if (!isObject(item)) continue;
			const itemLocation = { file: itemTarget.file, at: itemTarget.pointer };
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
				if (!isObject(item[method])) continue;
				// An operation may itself be a `$ref` (to a file of its own).
				const target = this.source.deref(
					item[method],
					itemTarget.file,
					child(itemTarget.pointer, method),
				);
				const op = target.value;
				if (!isObject(op)) continue;
				out.push({
					path,
					method,
					pointer: child(itemAt, method),
					item,
					op,
					itemAt: itemLocation,
					opAt: { file: target.file, at: target.pointer },
					group: '',
					module: '',
				});
			}
		}
		if (isObject(this.source.root.webhooks) && Object.keys(this.source.root.webhooks).length > 0) {
			this.report.add(
				'skipped',
				'#/webhooks',
				'webhooks are not imported (they are calls the API makes, not serves)',
			);
		}
		placeOperations(out).forEach((place, i) => {
			Object.assign(out[i]!, place);
		});
		return out;
	}

	/** Converts one operation; undefined when it cannot be served (reported). */
	convert(entry: OperationEntry): OperationDraft | undefined {
		const { path, method, pointer, item, op } = entry;
		const shape = restRouteShape(method, path);
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
		const { group, module } = entry;
		const key = this.#keys.key(op, method, path, group, pointer);
		const base = pascalCase(typeof op.operationId === 'string' ? op.operationId : key);
		const constName = this.names.claim(`${base}Contract`);
		const isGet = method === 'get';
		const { fields, headers, wire: parameters } = parameterFields(this, entry, base, module);
		const { input, bodyField, bodyMediaTypes } = operationInput(
			this,
			op,
			pointer,
			entry.opAt,
			fields,
			isGet,
			base,
			module,
			headers.length === 0 && Object.keys(fields).length === 0,
		);
		const { output, errors, status, response } = operationResponses(
			this,
			op,
			pointer,
			entry.opAt,
			base,
			module,
		);
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
		const wire = this.#keys.wire(key, pointer);
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
			auth: operationAuth(this, op, pointer),
			method: method.toUpperCase() as OperationDraft['method'],
			path,
			headers,
			rest: {
				...(Object.keys(parameters).length > 0 ? { parameters } : {}),
				...(bodyField !== undefined ? { bodyField } : {}),
				...(bodyMediaTypes ? { bodyMediaTypes } : {}),
				...(status !== undefined ? { status } : {}),
				...(response ? { response } : {}),
			},
			...wire,
			pointer,
		};
	}
}
