import { type JsonSchema, type TypeNode, toJsonSchema } from '@charter/schema';
import type {
	ContractRegistry,
	ContractSpec,
	RegistryKind,
} from '../registry/contract-registry.ts';
import { registryKind } from '../registry/contract-registry.ts';
import { renamedGraphqlFields } from '../wire/graphql-names.ts';

export const SNAPSHOT_FORMAT = 'charter.contracts-lock';
export const SNAPSHOT_FORMAT_VERSION = 1;

/** One contract in a snapshot: its IR and the JSON Schemas derived from it. */
export interface SnapshotContract {
	readonly kind: RegistryKind;
	readonly key: string;
	readonly version: string;
	readonly file?: string;
	readonly spec: ContractSpec;
	readonly schemas: Readonly<Record<string, JsonSchema>>;
	/**
	 * JSON field names that GraphQL spells differently, per model (`{ Model: { 'include[]':
	 * 'include' } }`); left out when every name is kept.
	 */
	readonly graphqlFields?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The whole registry as one deterministic document (`contracts.lock.json`). */
export interface Snapshot {
	readonly format: typeof SNAPSHOT_FORMAT;
	readonly formatVersion: number;
	readonly contracts: readonly SnapshotContract[];
}

/** What to put in a snapshot. */
export interface SnapshotOptions {
	/**
	 * Derive each contract's JSON Schemas (the default, and what `contracts.lock.json` holds).
	 * Comparisons of the IR (diff, version policy) can skip this work.
	 */
	readonly schemas?: boolean;
}

/** Builds the snapshot of a registry: contracts sorted by kind, key and version. */
export function createSnapshot(
	registry: ContractRegistry,
	options: SnapshotOptions = {},
): Snapshot {
	const withSchemas = options.schemas ?? true;
	return {
		format: SNAPSHOT_FORMAT,
		formatVersion: SNAPSHOT_FORMAT_VERSION,
		contracts: registry.all().map(({ spec, file }) => {
			const graphqlFields = renamedGraphqlFields(typesOf(spec));
			return {
				kind: registryKind(spec),
				key: spec.meta.key,
				version: spec.meta.version,
				...(file ? { file } : {}),
				spec,
				schemas: withSchemas ? schemasOf(spec) : {},
				...(Object.keys(graphqlFields).length > 0 ? { graphqlFields } : {}),
			};
		}),
	};
}

function typesOf(spec: ContractSpec): TypeNode[] {
	switch (spec.kind) {
		case 'command':
		case 'query':
			return [spec.io.input, spec.io.output];
		case 'event':
			return [spec.payload];
		case 'feature':
			return [];
	}
}

function schemasOf(spec: ContractSpec): Record<string, JsonSchema> {
	switch (spec.kind) {
		case 'command':
		case 'query': {
			const schemas: Record<string, JsonSchema> = {
				input: toJsonSchema(spec.io.input),
				output: toJsonSchema(spec.io.output),
			};
			for (const emit of spec.sideEffects.emits) {
				if (emit.payload) schemas[`event:${emit.key}@${emit.version}`] = toJsonSchema(emit.payload);
			}
			return schemas;
		}
		case 'event':
			return { payload: toJsonSchema(spec.payload) };
		case 'feature':
			return {};
	}
}

/** The order a model field's properties are written in, whatever order they were authored in. */
const FIELD_KEYS = [
	'type',
	'isOptional',
	'isArray',
	'isNullable',
	'description',
	'default',
	'deprecated',
	'examples',
] as const;

/**
 * Serializes a snapshot: two-space JSON with a final newline, identical bytes for identical
 * contracts. A model field's properties are written in one canonical order, so the seed's field
 * objects (`{ isArray: true, isOptional: false, type }`) and the short syntax
 * (`f.ref(T).array()`) give the same text, and the lockfile's text freshness check agrees with
 * `charter diff`. Field order itself, and every other key, stay as declared.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
	return `${JSON.stringify(snapshot, canonicalFields, 2)}\n`;
}

function canonicalFields(key: string, value: unknown): unknown {
	if (key !== 'fields' || !isRecord(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([name, field]) => [
			name,
			isField(field) ? inFieldOrder(field) : field,
		]),
	);
}

function inFieldOrder(field: Readonly<Record<string, unknown>>): Record<string, unknown> {
	const ordered: Record<string, unknown> = {};
	for (const key of FIELD_KEYS) if (key in field) ordered[key] = field[key];
	for (const [key, value] of Object.entries(field)) if (!(key in ordered)) ordered[key] = value;
	return ordered;
}

function isField(value: unknown): value is Readonly<Record<string, unknown>> {
	return isRecord(value) && 'type' in value && 'isOptional' in value;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a lockfile could not be read. */
export class SnapshotFormatError extends Error {
	override readonly name = 'SnapshotFormatError';
	constructor(
		readonly code: 'CHARTER_LOCK_CORRUPT' | 'CHARTER_LOCK_FOREIGN' | 'CHARTER_LOCK_TOO_NEW',
		message: string,
	) {
		super(message);
	}
}

/**
 * Parses a lockfile, refusing corrupt JSON, documents that are not Charter lockfiles, and
 * lockfiles from a newer format version.
 */
export function parseSnapshot(text: string, source = 'lockfile'): Snapshot {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new SnapshotFormatError(
			'CHARTER_LOCK_CORRUPT',
			`${source} is not valid JSON: ${(error as Error).message}`,
		);
	}
	const doc = data as Partial<Snapshot> | null;
	if (typeof doc !== 'object' || doc === null || doc.format !== SNAPSHOT_FORMAT) {
		throw new SnapshotFormatError(
			'CHARTER_LOCK_FOREIGN',
			`${source} is not a Charter lockfile (expected "format": "${SNAPSHOT_FORMAT}")`,
		);
	}
	if (typeof doc.formatVersion !== 'number' || doc.formatVersion > SNAPSHOT_FORMAT_VERSION) {
		throw new SnapshotFormatError(
			'CHARTER_LOCK_TOO_NEW',
			`${source} has format version ${String(doc.formatVersion)}; this Charter reads up to ${SNAPSHOT_FORMAT_VERSION}: upgrade Charter`,
		);
	}
	if (!Array.isArray(doc.contracts)) {
		throw new SnapshotFormatError('CHARTER_LOCK_CORRUPT', `${source} has no "contracts" list`);
	}
	return doc as Snapshot;
}
