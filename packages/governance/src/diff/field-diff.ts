// Compares two versions of one model field: optionality, nullability, default, deprecation,
// description, list-ness, then its type.
import type { FieldNode } from '@charter/schema';
import { describeType } from './describe-type.ts';
import type { TypeChangeSink, TypeWalk } from './type-change.ts';

/** Describes a field in a few words, for findings: `list of Int? | null`. */
export function describeField(field: FieldNode): string {
	const type = describeType(field.type);
	return `${field.isArray ? `list of ${type}` : type}${field.isOptional ? '?' : ''}${field.isNullable ? ' | null' : ''}`;
}

/** Reports what changed on a field kept by both versions, then walks its type. */
export function walkField(
	a: FieldNode,
	b: FieldNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
	walk: TypeWalk,
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
