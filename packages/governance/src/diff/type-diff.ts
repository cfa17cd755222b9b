import {
	type ArrayNode,
	type FieldNode,
	type ModelNode,
	SCALARS,
	type ScalarNode,
	type TypeNode,
	type UnionNode,
} from '@charter/schema';
import {
	CONSTRAINT_KEYWORDS,
	compareKeyword,
	relateScalarSchemas,
	type TypeRelation,
} from './constraint-relation.ts';
import { describeType } from './describe-type.ts';
import type { TypeDiffRuleId } from './diff-rules.ts';

/** Receives one type-level change; the caller turns it into a finding for its direction. */
export type TypeChangeSink = (change: TypeChange) => void;

/** A change found inside a type, before a direction gives it a severity. */
export interface TypeChange {
	readonly ruleId: TypeDiffRuleId;
	readonly path: string;
	readonly before?: unknown;
	readonly after?: unknown;
	readonly message: string;
}

/**
 * Compares two type nodes structurally and reports every change, recursing through models,
 * lists, records and unions. Direction is applied by the caller, so one walk serves both.
 */
export function diffTypes(before: TypeNode, after: TypeNode, path: string, sink: TypeChangeSink) {
	walk(before, after, path, sink, new Set());
}

function walk(
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
): void {
	if (a === b) return;
	if (a.kind === 'union' || b.kind === 'union') {
		walkUnion(a, b, path, sink, seen);
		return;
	}
	const renamed = nameOf(a) !== undefined && nameOf(b) !== undefined && nameOf(a) !== nameOf(b);
	if (a.kind === b.kind && renamed) {
		sink({
			ruleId: 'type-renamed',
			path,
			before: nameOf(a),
			after: nameOf(b),
			message: `type ${nameOf(a)} was renamed to ${nameOf(b)}`,
		});
	}
	const descBefore = descriptionOf(a);
	const descAfter = descriptionOf(b);
	if (a.kind === b.kind && descBefore !== descAfter) {
		sink({
			ruleId: 'description-changed',
			path,
			before: descBefore,
			after: descAfter,
			message: `description of ${describeType(b)} changed`,
		});
	}
	switch (a.kind) {
		case 'model':
			if (b.kind === 'model') {
				walkModel(a, b, path, sink, seen);
				return;
			}
			break;
		case 'array':
			if (b.kind === 'array') {
				walkArray(a, b, path, sink, seen);
				return;
			}
			break;
		case 'record':
			if (b.kind === 'record') {
				walk(a.values, b.values, `${path}.*`, sink, seen);
				return;
			}
			break;
		case 'enum':
			if (b.kind === 'enum') {
				for (const value of b.values) {
					if (!a.values.includes(value)) {
						sink({
							ruleId: 'enum-value-added',
							path,
							after: value,
							message: `enum ${b.name} gained the value ${JSON.stringify(value)}`,
						});
					}
				}
				for (const value of a.values) {
					if (!b.values.includes(value)) {
						sink({
							ruleId: 'enum-value-removed',
							path,
							before: value,
							message: `enum ${b.name} lost the value ${JSON.stringify(value)}`,
						});
					}
				}
				return;
			}
			break;
		case 'literal':
			if (b.kind === 'literal' && a.value === b.value) return;
			break;
		case 'scalar':
			if (b.kind === 'scalar') {
				const sa = scalarSchema(a);
				const sb = scalarSchema(b);
				// Same JSON type: the scalars differ only by constraints (String -> UUID adds a format).
				if (sa.type !== undefined && sa.type === sb.type) {
					for (const keyword of CONSTRAINT_KEYWORDS) {
						reportKeyword(keyword, sa[keyword], sb[keyword], path, sink);
					}
					return;
				}
			}
			break;
		case 'json-schema':
			if (b.kind === 'json-schema') {
				if (JSON.stringify(a.schema) !== JSON.stringify(b.schema)) {
					sink({
						ruleId: 'schema-changed',
						path,
						message: `the imported JSON Schema${a.name ? ` ${a.name}` : ''} changed; review it by hand`,
					});
				}
				return;
			}
			break;
	}
	reportRelation(relate(a, b), a, b, path, sink);
}

function reportRelation(
	relation: TypeRelation,
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
): void {
	if (relation === 'equal') return;
	const ruleId =
		relation === 'wider'
			? 'type-widened'
			: relation === 'narrower'
				? 'type-narrowed'
				: 'type-changed';
	const verb = relation === 'wider' ? 'widened' : relation === 'narrower' ? 'narrowed' : 'changed';
	sink({
		ruleId,
		path,
		before: describeType(a),
		after: describeType(b),
		message: `type ${verb} from ${describeType(a)} to ${describeType(b)}`,
	});
}

/** Relates two nodes of different shapes (neither a union). */
function relate(a: TypeNode, b: TypeNode): TypeRelation {
	if (isAny(b)) return isAny(a) ? 'equal' : 'wider';
	if (isAny(a)) return 'narrower';
	if (isAnyObject(b) && (a.kind === 'model' || a.kind === 'record')) return 'wider';
	if (isAnyObject(a) && (b.kind === 'model' || b.kind === 'record')) return 'narrower';
	if (a.kind === 'scalar' && b.kind === 'scalar') {
		return relateScalarSchemas(scalarSchema(a), scalarSchema(b));
	}
	const va = valuesOf(a);
	const vb = valuesOf(b);
	if (va && vb) {
		const aInB = va.every((v) => vb.includes(v));
		const bInA = vb.every((v) => va.includes(v));
		return aInB && bInA ? 'equal' : aInB ? 'wider' : bInA ? 'narrower' : 'incompatible';
	}
	// A finite set of values against an open scalar: wider when the scalar accepts them all.
	if (va && b.kind === 'scalar')
		return va.every((v) => scalarAccepts(b, v)) ? 'wider' : 'incompatible';
	if (vb && a.kind === 'scalar')
		return vb.every((v) => scalarAccepts(a, v)) ? 'narrower' : 'incompatible';
	return 'incompatible';
}

function isAny(node: TypeNode): boolean {
	return node.kind === 'scalar' && node.name === 'JSON';
}

function isAnyObject(node: TypeNode): boolean {
	return node.kind === 'scalar' && node.name === 'JSONObject' && !node.constraints;
}

function valuesOf(node: TypeNode): readonly unknown[] | undefined {
	if (node.kind === 'enum') return node.values;
	if (node.kind === 'literal') return [node.value];
	return undefined;
}

function scalarSchema(node: ScalarNode): Record<string, unknown> {
	return { ...SCALARS[node.name].jsonSchema, ...node.constraints };
}

/** Whether a scalar's base type takes a value (constraints make it a false positive at worst). */
function scalarAccepts(node: ScalarNode, value: unknown): boolean {
	const schema = scalarSchema(node);
	if (schema.format !== undefined || schema.pattern !== undefined) return false;
	switch (schema.type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number';
		case 'integer':
			return Number.isInteger(value);
		case 'boolean':
			return typeof value === 'boolean';
		default:
			return false;
	}
}

function descriptionOf(node: TypeNode): string | undefined {
	return 'description' in node ? node.description : undefined;
}

function nameOf(node: TypeNode): string | undefined {
	return node.kind === 'model' || node.kind === 'enum' || node.kind === 'union'
		? node.name
		: undefined;
}

function reportKeyword(
	keyword: string,
	before: unknown,
	after: unknown,
	path: string,
	sink: TypeChangeSink,
): void {
	const change = compareKeyword(keyword, before, after);
	if (!change) return;
	sink({
		ruleId: `constraint-${change}`,
		path,
		before: { [keyword]: before },
		after: { [keyword]: after },
		message: `${keyword} ${change}: ${JSON.stringify(before) ?? 'none'} -> ${JSON.stringify(after) ?? 'none'}`,
	});
}

function walkArray(
	a: ArrayNode,
	b: ArrayNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
) {
	reportKeyword('minItems', a.minItems, b.minItems, path, sink);
	reportKeyword('maxItems', a.maxItems, b.maxItems, path, sink);
	walk(a.items, b.items, `${path}[*]`, sink, seen);
}

function walkModel(
	a: ModelNode,
	b: ModelNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
) {
	// Guards against cycles (a model reaching itself through its fields).
	const visit = `${path}\u0000${a.name}\u0000${b.name}`;
	if (seen.has(visit)) return;
	seen.add(visit);
	for (const [name, field] of Object.entries(a.fields)) {
		const next = b.fields[name];
		const at = `${path}.${name}`;
		if (!next) {
			sink({
				ruleId: 'field-removed',
				path: at,
				before: describeField(field),
				message: `field ${name} was removed from ${b.name}`,
			});
		} else {
			walkField(field, next, at, sink, seen);
		}
	}
	for (const [name, field] of Object.entries(b.fields)) {
		if (a.fields[name]) continue;
		const required = !field.isOptional && field.default === undefined;
		sink({
			ruleId: required ? 'required-field-added' : 'optional-field-added',
			path: `${path}.${name}`,
			after: describeField(field),
			message: `${required ? 'required' : 'optional'} field ${name} was added to ${b.name}`,
		});
	}
}

function describeField(field: FieldNode): string {
	const type = describeType(field.type);
	return `${field.isArray ? `list of ${type}` : type}${field.isOptional ? '?' : ''}${field.isNullable ? ' | null' : ''}`;
}

function walkField(
	a: FieldNode,
	b: FieldNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
): void {
	if (a.isOptional !== b.isOptional) {
		sink({
			ruleId: b.isOptional ? 'field-made-optional' : 'field-made-required',
			path,
			before: a.isOptional ? 'optional' : 'required',
			after: b.isOptional ? 'optional' : 'required',
			message: `field became ${b.isOptional ? 'optional' : 'required'}`,
		});
	}
	if (Boolean(a.isNullable) !== Boolean(b.isNullable)) {
		sink({
			ruleId: b.isNullable ? 'nullable-added' : 'nullable-removed',
			path,
			before: Boolean(a.isNullable),
			after: Boolean(b.isNullable),
			message: b.isNullable ? 'field now allows null' : 'field no longer allows null',
		});
	}
	const da = JSON.stringify(a.default);
	const db = JSON.stringify(b.default);
	if (da !== db) {
		const ruleId =
			a.default === undefined
				? 'default-added'
				: b.default === undefined
					? 'default-removed'
					: 'default-changed';
		sink({
			ruleId,
			path,
			before: a.default,
			after: b.default,
			message: `default: ${da ?? 'none'} -> ${db ?? 'none'}`,
		});
	}
	if (!a.deprecated && b.deprecated) {
		sink({
			ruleId: 'field-deprecated',
			path,
			after: b.deprecated,
			message: 'field was deprecated',
		});
	}
	if ((a.description ?? '') !== (b.description ?? '')) {
		sink({
			ruleId: 'description-changed',
			path,
			before: a.description,
			after: b.description,
			message: 'field description changed',
		});
	}
	if (Boolean(a.isArray) !== Boolean(b.isArray)) {
		sink({
			ruleId: 'type-changed',
			path,
			before: describeField(a),
			after: describeField(b),
			message: `field ${b.isArray ? 'became a list' : 'is no longer a list'}`,
		});
		return;
	}
	walk(a.type, b.type, a.isArray ? `${path}[*]` : path, sink, seen);
}

function walkUnion(
	a: TypeNode,
	b: TypeNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
) {
	if (a.kind === 'union' && b.kind === 'union') {
		if (nameOf(a) && nameOf(b) && nameOf(a) !== nameOf(b)) {
			sink({
				ruleId: 'type-renamed',
				path,
				before: a.name,
				after: b.name,
				message: `type ${a.name} was renamed to ${b.name}`,
			});
		}
		if (a.discriminator !== b.discriminator) {
			sink({
				ruleId: 'type-changed',
				path,
				before: a.discriminator,
				after: b.discriminator,
				message: `union discriminator changed from ${a.discriminator ?? 'none'} to ${b.discriminator ?? 'none'}`,
			});
		}
		const { pairs, added, removed } = matchVariants(a, b.variants);
		for (const [va, vb] of pairs) walk(va, vb, `${path}<${variantLabel(vb, b)}>`, sink, seen);
		for (const v of added) {
			sink({
				ruleId: 'type-widened',
				path,
				after: describeType(v),
				message: `union member ${describeType(v)} was added`,
			});
		}
		for (const v of removed) {
			sink({
				ruleId: 'type-narrowed',
				path,
				before: describeType(v),
				message: `union member ${describeType(v)} was removed`,
			});
		}
		return;
	}
	if (b.kind === 'union') {
		const match = findVariant(a, b.variants);
		if (!match) {
			reportRelation('incompatible', a, b, path, sink);
			return;
		}
		sink({
			ruleId: 'type-widened',
			path,
			before: describeType(a),
			after: describeType(b),
			message: `type widened from ${describeType(a)} to ${describeType(b)}`,
		});
		walk(a, match, `${path}<${variantLabel(match, b)}>`, sink, seen);
		return;
	}
	const union = a as UnionNode;
	const match = findVariant(b, union.variants);
	if (!match) {
		reportRelation('incompatible', a, b, path, sink);
		return;
	}
	sink({
		ruleId: 'type-narrowed',
		path,
		before: describeType(a),
		after: describeType(b),
		message: `type narrowed from ${describeType(a)} to ${describeType(b)}`,
	});
	walk(match, b, `${path}<${variantLabel(match, union)}>`, sink, seen);
}

function tagOf(node: TypeNode, discriminator: string | undefined): unknown {
	if (!discriminator || node.kind !== 'model') return undefined;
	const field = node.fields[discriminator];
	return field?.type.kind === 'literal' ? field.type.value : undefined;
}

function variantLabel(node: TypeNode, union: UnionNode): string {
	const tag = tagOf(node, union.discriminator);
	if (tag !== undefined) return `${union.discriminator}=${String(tag)}`;
	return nameOf(node) ?? describeType(node);
}

/** Finds the variant that corresponds to `node`: same tag, same name, same value, or sole same kind. */
function findVariant(node: TypeNode, variants: readonly TypeNode[], discriminator?: string) {
	const tag = tagOf(node, discriminator);
	if (tag !== undefined) {
		const byTag = variants.find((v) => tagOf(v, discriminator) === tag);
		if (byTag) return byTag;
	}
	const name = nameOf(node);
	if (name) {
		const byName = variants.find((v) => nameOf(v) === name && v.kind === node.kind);
		if (byName) return byName;
	}
	const text = JSON.stringify(node);
	const equal = variants.find((v) => JSON.stringify(v) === text);
	if (equal) return equal;
	const sameKind = variants.filter(
		(v) => v.kind === node.kind && (node.kind !== 'scalar' || (v as ScalarNode).name === node.name),
	);
	return sameKind.length === 1 ? sameKind[0] : undefined;
}

function matchVariants(a: UnionNode, after: readonly TypeNode[]) {
	const pairs: [TypeNode, TypeNode][] = [];
	const left = [...after];
	const removed: TypeNode[] = [];
	for (const variant of a.variants) {
		const match = findVariant(variant, left, a.discriminator);
		if (match) {
			pairs.push([variant, match]);
			left.splice(left.indexOf(match), 1);
		} else {
			removed.push(variant);
		}
	}
	return { pairs, added: left, removed };
}
