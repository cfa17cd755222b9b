import {
	compileJsonWriter,
	compileValidator,
	containsFile,
	fileFields,
	isObjectRoot,
	type JsonSchema,
	type JsonWriter,
	type TypeNode,
	type Validator,
} from '@charter/schema';
import {
	type ContractRegistry,
	findWireCollisions,
	type OperationSpec,
	pathParameters,
	type WireNames,
	wireNames,
} from '@charter/spec';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import {
	type Authorizer,
	compilePolicy,
	type Decider,
	type TransactionAuthorizer,
} from '../policy/policy-decider.ts';
import { type ErrorRaisers, errorRaisers } from '../problems/error-raisers.ts';
import type { Handler } from './implement.ts';
import { type ResponseRules, responseRules } from './response-control.ts';

/** What surfaces read about a served operation: its contract, wire names and schemas. */
export interface OperationPlan {
	/** `key@version`. */
	readonly id: string;
	readonly key: string;
	readonly version: string;
	readonly spec: OperationSpec;
	readonly wire: WireNames;
	/** Names of the REST path parameters (`/v1/todos/{id}` -> `['id']`). */
	readonly pathParams: readonly string[];
	/** False when served without a handler (`serveUnimplemented`): every call is a 501. */
	readonly implemented: boolean;
	/** The JSON Schemas the runtime validates input and output with. */
	readonly inputSchema: JsonSchema;
	readonly outputSchema: JsonSchema;
}

/** A plan with what the pipeline needs, compiled once at startup. */
export interface CompiledPlan extends OperationPlan {
	readonly validateInput: Validator<unknown>;
	readonly validateOutput: Validator<unknown>;
	/**
	 * The output's validating JSON writer, compiled on first use; undefined when its schema
	 * needs the general path (copy, validate, stringify).
	 */
	outputWriter(): JsonWriter | undefined;
	readonly authorize: Authorizer;
	/** A command's rules that read state, decided inside its transaction before the handler. */
	readonly authorizeInTransaction: TransactionAuthorizer | undefined;
	readonly handler: Handler<any> | undefined;
	/** `ctx.errors`: one raiser per declared error, built once. */
	readonly errorRaisers: ErrorRaisers<OperationSpec['errors']>;
	/** What `ctx.response` may set: the declared statuses, headers, cookies and stream. */
	readonly responseRules: ResponseRules;
	/** One validator per declared event key. */
	readonly events: ReadonlyMap<
		string,
		{ version: string; validate: Validator<unknown> | undefined }
	>;
}

/** Compiles an operation's plan: validators, policy and event payload checks. */
export function compilePlan(
	spec: OperationSpec,
	handler: Handler<any> | undefined,
	registry: ContractRegistry,
	deciders: Readonly<Record<string, Decider<any>>>,
): CompiledPlan {
	const id = `${spec.meta.key}@${spec.meta.version}`;
	const wire = wireNames(spec);
	const validateInput = compileValidator(spec.io.input);
	const validateOutput = compileValidator(spec.io.output);
	const events = new Map<string, { version: string; validate: Validator<unknown> | undefined }>();
	for (const emit of spec.sideEffects.emits) {
		if (events.has(emit.key)) continue;
		const payload: TypeNode | undefined =
			emit.payload ??
			(registry.get('event', emit.key, emit.version)?.spec as { payload?: TypeNode })?.payload;
		if (!payload) {
			throw new CharterConfigError(
				'CHARTER_UNKNOWN_EVENT',
				id,
				`event ${emit.key}@${emit.version} has no payload declared and is not registered`,
			);
		}
		events.set(emit.key, { version: emit.version, validate: compileValidator(payload) });
	}
	const pathParams = pathParameters(wire.rest.path);
	if (pathParams.length > 0 && !isObjectRoot(spec.io.input)) {
		throw new CharterConfigError(
			'CHARTER_INVALID_REST_PATH',
			id,
			`the REST path ${wire.rest.path} has parameters, which need an object input`,
		);
	}
	checkRestWire(spec, id, pathParams, wire.rest.path);
	checkFiles(spec, id);
	const policy = compilePolicy(spec, deciders);
	let writer: JsonWriter | undefined | null = null;
	return {
		id,
		key: spec.meta.key,
		version: spec.meta.version,
		spec,
		wire,
		pathParams,
		implemented: handler !== undefined,
		inputSchema: validateInput.schema,
		outputSchema: validateOutput.schema,
		validateInput,
		validateOutput,
		outputWriter: () => {
			if (writer === null) writer = compileJsonWriter(spec.io.output);
			return writer;
		},
		authorize: policy.authorize,
		authorizeInTransaction: policy.authorizeInTransaction,
		handler,
		errorRaisers: errorRaisers(spec.errors),
		responseRules: responseRules(spec),
		events,
	};
}

/**
 * Fails startup when `transport.rest` names fields the input lacks, a path parameter the route
 * does not have (or a route parameter declared elsewhere), or a status that is no success.
 */
function checkRestWire(
	spec: OperationSpec,
	id: string,
	routeParams: readonly string[],
	path: string,
): void {
	const rest = spec.transport.rest;
	if (!rest) return;
	const input = spec.io.input;
	const fields = input.kind === 'model' ? input.fields : undefined;
	const named = [...Object.keys(rest.parameters ?? {})];
	if (rest.bodyField !== undefined) named.push(rest.bodyField);
	for (const name of named) {
		if (!fields || !Object.hasOwn(fields, name)) {
			throw new CharterConfigError(
				'CHARTER_INVALID_REST_WIRE',
				id,
				`transport.rest names the input field ${JSON.stringify(name)}, which the input does not have`,
			);
		}
	}
	for (const [name, p] of Object.entries(rest.parameters ?? {})) {
		const inPath = routeParams.includes(name);
		const pathStyle = p.style === 'label' || p.style === 'matrix';
		if ((p.in === 'path') !== inPath || (pathStyle && p.in !== 'path')) {
			throw new CharterConfigError(
				'CHARTER_INVALID_REST_WIRE',
				id,
				p.in === 'path' || pathStyle
					? `transport.rest.parameters.${name} is read from the path (in: 'path', style label or matrix), but the path ${path} has no {${name}}`
					: `transport.rest.parameters.${name} is in ${p.in}, but {${name}} is a parameter of the path ${path}: declare it in: 'path'`,
			);
		}
	}
	if (
		rest.status !== undefined &&
		!(Number.isInteger(rest.status) && rest.status >= 200 && rest.status < 300)
	) {
		throw new CharterConfigError(
			'CHARTER_INVALID_REST_WIRE',
			id,
			`transport.rest.status ${rest.status} is not a success status (200-299)`,
		);
	}
}

/**
 * Fails startup when a `File` is where no file can travel: in the output, nested below the
 * input's top level, or in an input whose REST body is not `multipart/form-data`.
 */
function checkFiles(spec: OperationSpec, id: string): void {
	const input = spec.io.input;
	const files = fileFields(input);
	const fail = (why: string) => {
		throw new CharterConfigError('CHARTER_INVALID_REST_WIRE', id, why);
	};
	if (containsFile(spec.io.output)) fail('a File cannot be an output: answer a download stream');
	if (files.size === 0) {
		if (containsFile(input)) fail('a File must be a top-level field of the input');
		return;
	}
	if (input.kind === 'model') {
		const rest = Object.fromEntries(
			Object.entries(input.fields).filter(([name]) => !files.has(name)),
		);
		if (Object.values(rest).some((f) => containsFile(f.type)))
			fail('a File must be a top-level field of the input');
	}
	const media = spec.transport.rest?.bodyMediaTypes;
	if (!media?.includes('multipart/form-data') || spec.transport.rest?.bodyField !== undefined) {
		fail(
			"an input with File fields travels as multipart/form-data: declare transport.rest.bodyMediaTypes: ['multipart/form-data'] (and no bodyField)",
		);
	}
}

/** Fails startup when two plans share a REST route, a GraphQL field or an MCP tool. */
export function checkWireCollisions(plans: readonly OperationPlan[]): void {
	const [collision] = findWireCollisions(plans);
	if (collision) {
		throw new CharterConfigError(
			'CHARTER_WIRE_NAME_COLLISION',
			collision.second.id,
			`${collision.message}; rename one or set ${collision.field}`,
		);
	}
}
