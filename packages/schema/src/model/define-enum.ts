import { SchemaDefinitionError } from '../errors.ts';
import type { EnumNode, EnumValueInfo } from '../ir/type-node.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Options beside the values: a description and per-value docs. */
export interface EnumOptions {
	readonly description?: string;
}

/**
 * Defines a named enum of string values, with optional per-value descriptions and
 * deprecations.
 *
 * @example
 * defineEnum('InstanceStatus', ['PENDING', 'RUNNING']);
 * defineEnum('Decision', { APPROVE: { description: 'Accept' }, ABSTAIN: { deprecated: 'Use REJECT' } });
 */
export function defineEnum<const V extends string>(
	name: string,
	values: readonly V[] | Readonly<Record<V, EnumValueInfo>>,
	options: EnumOptions = {},
): EnumNode<V> {
	if (!NAME.test(name)) {
		throw new SchemaDefinitionError(
			'CHARTER_INVALID_TYPE_NAME',
			`enum ${JSON.stringify(name)}`,
			'an enum name must be an identifier (letters, digits, underscore)',
		);
	}
	const list = Array.isArray(values) ? [...values] : (Object.keys(values) as V[]);
	if (list.length === 0) {
		throw new SchemaDefinitionError(
			'CHARTER_EMPTY_ENUM',
			`enum ${name}`,
			'an enum needs at least one value',
		);
	}
	const seen = new Set<string>();
	for (const value of list) {
		if (typeof value !== 'string' || value.length === 0) {
			throw new SchemaDefinitionError(
				'CHARTER_INVALID_ENUM_VALUE',
				`enum ${name}`,
				`${JSON.stringify(value)} is not a non-empty string`,
			);
		}
		if (seen.has(value)) {
			throw new SchemaDefinitionError(
				'CHARTER_DUPLICATE_ENUM_VALUE',
				`enum ${name}`,
				`value ${value} is listed twice`,
			);
		}
		seen.add(value);
	}
	const info = Array.isArray(values)
		? undefined
		: pickInfo(values as Record<string, EnumValueInfo>);
	return Object.freeze({
		kind: 'enum',
		name,
		...(options.description ? { description: options.description } : {}),
		values: Object.freeze(list),
		...(info ? { valueInfo: info } : {}),
	}) as EnumNode<V>;
}

function pickInfo(
	values: Record<string, EnumValueInfo>,
): Record<string, EnumValueInfo> | undefined {
	const entries = Object.entries(values).filter(
		([, info]) => info && (info.description || info.deprecated),
	);
	if (entries.length === 0) return undefined;
	return Object.freeze(
		Object.fromEntries(entries.map(([value, info]) => [value, Object.freeze({ ...info })])),
	);
}
