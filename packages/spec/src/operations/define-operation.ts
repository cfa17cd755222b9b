import { type Infer, pascal, type TypeLike, toTypeNode } from '@charter/schema';
import { ContractDefinitionError } from '../errors.ts';
import { isEventSpec, wrap } from '../events/define-event.ts';
import { normalizeMeta } from '../meta/meta.ts';
import type {
	DeclaredErrors,
	DeclaredRestWire,
	EmitDeclaration,
	EmitInput,
	EmitSpec,
	EmittedEvents,
	ErrorDeclaration,
	ErrorDeclarationInput,
	OperationDefinition,
	OperationKind,
	OperationSpec,
	RestTransport,
} from './operation-types.ts';
import { checkPolicy } from './policy.ts';
import { checkRestResponse } from './rest-response.ts';

const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Defines a command: an operation that changes state. Served as `POST` and as a GraphQL
 * mutation; may emit its declared events; honours `Idempotency-Key`.
 *
 * @example
 * export const PauseWorkflowContract = defineCommand({
 *   meta: { key: 'workflow.instance.pause', version: '1.0.0', stability: 'stable', owners: ['@team'] },
 *   io: { input: PauseInput, output: WorkflowInstanceModel },
 *   policy: { auth: 'admin' },
 * });
 */
export function defineCommand<
	const In extends TypeLike,
	const Out extends TypeLike,
	const Em extends readonly EmitInput[] = [],
	const K extends string = string,
	const V extends string = string,
	const Er extends Readonly<Record<string, ErrorDeclarationInput>> = {},
	const Rs extends RestTransport = {},
>(
	definition: OperationDefinition<In, Out, Em> & {
		readonly meta: { readonly key: K; readonly version: V };
		readonly errors?: Er;
		readonly transport?: { readonly rest?: Rs };
	},
): OperationSpec<Infer<In>, Infer<Out>, EmittedEvents<Em>> &
	KeyOf<K, V> &
	DeclaredErrors<Er> &
	DeclaredRestWire<Rs> & { readonly kind: 'command' } {
	return defineOperation('command', definition) as OperationSpec<
		Infer<In>,
		Infer<Out>,
		EmittedEvents<Em>
	> &
		KeyOf<K, V> &
		DeclaredErrors<Er> &
		DeclaredRestWire<Rs> & { readonly kind: 'command' };
}

/**
 * Keeps the literal key and version of a contract in its type, so clients can be typed by key
 * (and name a v2 method `getV2`).
 */
type KeyOf<K extends string, V extends string> = {
	readonly meta: { readonly key: K; readonly version: V };
};

/**
 * Defines a query: an operation that only reads. Served as `GET` and as a GraphQL query
 * field; may not emit events.
 *
 * @example
 * export const GetInstance = defineQuery({
 *   meta: { key: 'workflow.instance.get', version: '1.0.0' },
 *   io: { input: GetInput, output: WorkflowInstanceModel },
 *   policy: { auth: 'user' },
 * });
 */
export function defineQuery<
	const In extends TypeLike,
	const Out extends TypeLike,
	const K extends string = string,
	const V extends string = string,
	const Er extends Readonly<Record<string, ErrorDeclarationInput>> = {},
	const Rs extends RestTransport = {},
>(
	definition: OperationDefinition<In, Out, []> & {
		readonly meta: { readonly key: K; readonly version: V };
		readonly errors?: Er;
		readonly transport?: { readonly rest?: Rs };
	},
): OperationSpec<Infer<In>, Infer<Out>, never> &
	KeyOf<K, V> &
	DeclaredErrors<Er> &
	DeclaredRestWire<Rs> & { readonly kind: 'query' } {
	return defineOperation('query', definition) as OperationSpec<Infer<In>, Infer<Out>, never> &
		KeyOf<K, V> &
		DeclaredErrors<Er> &
		DeclaredRestWire<Rs> & { readonly kind: 'query' };
}

function defineOperation(
	kind: OperationKind,
	definition: OperationDefinition<TypeLike, TypeLike, readonly EmitInput[]>,
): OperationSpec {
	const meta = normalizeMeta(definition?.meta);
	const key = meta.key;
	if (typeof definition.io !== 'object' || definition.io === null) {
		throw new ContractDefinitionError(
			'CHARTER_MISSING_IO',
			key,
			'io',
			'an operation needs `io: { input, output }`',
		);
	}
	const input = wrap(key, 'io.input', () =>
		toTypeNode('io.input', definition.io.input, `${pascal(key)}Input`),
	);
	const output = wrap(key, 'io.output', () =>
		toTypeNode('io.output', definition.io.output, `${pascal(key)}Output`),
	);
	const policy = checkPolicy(meta.key, definition.policy);
	const emits = (definition.sideEffects?.emits ?? []).map((emit, index) =>
		normalizeEmit(key, index, emit),
	);
	if (kind === 'query' && emits.length > 0) {
		throw new ContractDefinitionError(
			'CHARTER_QUERY_EMITS',
			key,
			'sideEffects.emits',
			'a query may not emit events; make it a command',
		);
	}
	return Object.freeze({
		kind,
		meta,
		io: Object.freeze({ input, output }),
		policy,
		errors: checkErrors(key, definition.errors ?? {}),
		sideEffects: Object.freeze({
			emits: Object.freeze(emits),
			audit: Object.freeze([...(definition.sideEffects?.audit ?? [])]),
		}),
		acceptance: Object.freeze({
			scenarios: Object.freeze([...(definition.acceptance?.scenarios ?? [])]),
			examples: Object.freeze([...(definition.acceptance?.examples ?? [])]),
		}),
		transport: checkRestResponse(key, kind, definition.transport ?? {}),
		idempotent: definition.idempotent ?? kind === 'query',
		destructive: definition.destructive ?? kind === 'command',
	});
}

function checkErrors(
	key: string,
	errors: Readonly<Record<string, ErrorDeclarationInput>>,
): Readonly<Record<string, ErrorDeclaration>> {
	const checked: Record<string, ErrorDeclaration> = {};
	for (const [code, declaration] of Object.entries(errors)) {
		if (!ERROR_CODE.test(code)) {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_ERROR_CODE',
				key,
				`errors.${code}`,
				'error codes are UPPER_SNAKE_CASE',
			);
		}
		const status = declaration?.status;
		if (!Number.isInteger(status) || status < 400 || status > 599) {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_ERROR_STATUS',
				key,
				`errors.${code}.status`,
				`${JSON.stringify(status)} is not an HTTP error status (400-599)`,
			);
		}
		const documentedAs = declaration.documentedAs;
		if (
			documentedAs !== undefined &&
			documentedAs !== 'default' &&
			!(/^[45]XX$/.test(documentedAs) && String(status)[0] === documentedAs[0])
		) {
			throw new ContractDefinitionError(
				'CHARTER_INVALID_ERROR_STATUS',
				key,
				`errors.${code}.documentedAs`,
				`${JSON.stringify(documentedAs)} is not '4XX', '5XX' or 'default' with a status in its range (status ${status})`,
			);
		}
		// A Standard Schema (Zod...) becomes the IR here, named `<Key><Code>Data` when it names nothing.
		checked[code] =
			declaration.data === undefined
				? (declaration as ErrorDeclaration)
				: Object.freeze({
						...declaration,
						data: wrap(key, `errors.${code}.data`, () =>
							toTypeNode(
								`errors.${code}.data`,
								declaration.data,
								`${pascal(key)}${pascal(code.toLowerCase())}Data`,
							),
						),
					});
	}
	return Object.freeze(checked);
}

function normalizeEmit(key: string, index: number, emit: EmitInput): EmitSpec {
	const field = `sideEffects.emits[${index}]`;
	if (typeof emit !== 'object' || emit === null) {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_EMIT',
			key,
			field,
			`${JSON.stringify(emit) ?? String(emit)} is not an event: use an event contract or { key, version, payload }`,
		);
	}
	if (isEventSpec(emit)) {
		return Object.freeze({ key: emit.meta.key, version: emit.meta.version, payload: emit.payload });
	}
	if ('event' in emit && isEventSpec(emit.event)) {
		const { meta, payload } = emit.event;
		return Object.freeze({
			key: meta.key,
			version: meta.version,
			payload,
			...(emit.when ? { when: emit.when } : {}),
		});
	}
	const declared = emit as EmitDeclaration;
	if (typeof declared?.key !== 'string' || typeof declared.version !== 'string') {
		throw new ContractDefinitionError(
			'CHARTER_INVALID_EMIT',
			key,
			field,
			'an emitted event needs a key and a version',
		);
	}
	const payload =
		declared.payload === undefined
			? undefined
			: wrap(key, `${field}.payload`, () =>
					toTypeNode(`${field}.payload`, declared.payload, `${pascal(declared.key ?? key)}Payload`),
				);
	return Object.freeze({
		key: declared.key,
		version: declared.version,
		...(declared.when ? { when: declared.when } : {}),
		...(payload ? { payload } : {}),
	});
}

/** Tells whether a value is an operation contract (command or query). */
export function isOperationSpec(value: unknown): value is OperationSpec {
	const kind = (value as { kind?: unknown } | null)?.kind;
	return (
		(kind === 'command' || kind === 'query') &&
		typeof (value as { meta?: unknown }).meta === 'object'
	);
}
