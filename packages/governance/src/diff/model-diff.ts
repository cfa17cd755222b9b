// Compares two models field by field: fields removed, fields added, and fields kept.
import type { ModelNode } from '@charter/schema';
import { describeField, walkField } from './field-diff.ts';
import type { TypeChangeSink, TypeWalk } from './type-change.ts';

/** Reports removed and added fields of a model and walks each field both versions keep. */
export function walkModel(
	a: ModelNode,
	b: ModelNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
	walk: TypeWalk,
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
			walkField(field, next, at, sink, seen, walk);
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
