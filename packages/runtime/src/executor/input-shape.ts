import type { TypeNode } from '@charter/schema';
import type { InputShape } from '../stores/audit-store.ts';

/** The most entries (fields and enum values together) one input's shape keeps. */
export const MAX_SHAPE_ENTRIES = 256;

/** Adds the shape of one value at one place of the input to `out`. */
type ShapeWalk = (value: unknown, out: ShapeBuilder) => void;

/** Plain arrays, not sets: an input has a few entries, and each record keeps the arrays as is. */
interface ShapeBuilder {
	readonly fields: string[];
	readonly enums: (readonly [string, string])[];
	truncated: boolean;
}

/** Escapes a field name as a JSON pointer token (RFC 6901). */
function token(name: string): string {
	return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Counts one entry; false (and marks the shape truncated) once the cap is reached. */
function room(out: ShapeBuilder): boolean {
	if (out.fields.length + out.enums.length >= MAX_SHAPE_ENTRIES) {
		out.truncated = true;
		return false;
	}
	return true;
}

const NOTHING: ShapeWalk = () => {};

/**
 * Compiles the walk of a type at a pointer. Pointers are built once here, so a call's shape
 * shares its strings with the plan; nested walks compile on first use (models may recurse).
 * Unions and imported JSON Schemas are not entered: which variant a value took is not known
 * here, so nothing under them is recorded (the impact report then cannot name such fields).
 */
function compileWalk(node: TypeNode, pointer: string): ShapeWalk {
	switch (node.kind) {
		case 'enum':
			return (value, out) => {
				if (typeof value !== 'string' || !node.values.includes(value)) return;
				// The contract's own string, not the caller's: enum values are constants.
				const constant = node.values[node.values.indexOf(value)]!;
				if (out.enums.some(([p, v]) => p === pointer && v === constant)) return;
				if (room(out)) out.enums.push([pointer, constant]);
			};
		case 'model': {
			const fields = Object.entries(node.fields).map(([name, field]) => {
				const at = `${pointer}/${token(name)}`;
				let walk: ShapeWalk | undefined;
				const inner = (): ShapeWalk => {
					if (!walk) {
						walk = field.isArray
							? items(compileWalk(field.type, `${at}/*`))
							: compileWalk(field.type, at);
					}
					return walk;
				};
				return { name, at, inner };
			});
			return (value, out) => {
				if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
				const record = value as Record<string, unknown>;
				for (const field of fields) {
					const v = record[field.name];
					if (v === undefined || !Object.hasOwn(record, field.name)) continue;
					if (!out.fields.includes(field.at)) {
						if (!room(out)) return;
						out.fields.push(field.at);
					}
					if (v !== null) field.inner()(v, out);
				}
			};
		}
		case 'array':
			return lazyItems(node.items, `${pointer}/*`, false);
		case 'record':
			return lazyItems(node.values, `${pointer}/*`, true);
		default:
			return NOTHING;
	}
}

/** The walk of every item of an array. */
function items(walk: ShapeWalk): ShapeWalk {
	return (value, out) => {
		if (!Array.isArray(value)) return;
		for (const item of value) {
			if (out.truncated) return;
			if (item !== null) walk(item, out);
		}
	};
}

/** The walk of array items or record values, compiled on first use. */
function lazyItems(node: TypeNode, pointer: string, record: boolean): ShapeWalk {
	let walk: ShapeWalk | undefined;
	return (value, out) => {
		walk ??= compileWalk(node, pointer);
		if (!record) return items(walk)(value, out);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
		for (const v of Object.values(value)) {
			if (out.truncated) return;
			if (v !== null) walk(v, out);
		}
	};
}

const compiled = new WeakMap<TypeNode, ShapeWalk>();

/**
 * The shape of an input, without its values: the JSON pointers of the fields it sent
 * (`/amount`; an array item or a record entry is the token `*`) and, for enum
 * fields, the enum values it used (contract constants, not user data). At most
 * {@link MAX_SHAPE_ENTRIES} entries; past them `truncated` is set and the lists are partial.
 */
export function inputShape(type: TypeNode, input: unknown): InputShape {
	let walk = compiled.get(type);
	if (!walk) {
		walk = compileWalk(type, '');
		compiled.set(type, walk);
	}
	const out: ShapeBuilder = { fields: [], enums: [], truncated: false };
	walk(input, out);
	if (out.truncated) return { fields: out.fields, enums: out.enums, truncated: true };
	return { fields: out.fields, enums: out.enums };
}
