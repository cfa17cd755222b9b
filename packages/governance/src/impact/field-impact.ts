// Per field and enum value: which calls of an operation sent what a change names, read from
// the input shape the audit log keeps (field pointers and enum values, never the values).
import type { DiffFinding } from '../diff/diff-rules.ts';

/** The input shape of an audit record (the runtime's `InputShape`). */
export interface CallShape {
	/** JSON pointers of the fields sent; an array item or record entry is the token `*`. */
	readonly fields: readonly string[];
	/** Enum values sent, as `[pointer, value]`. */
	readonly enums: readonly (readonly [string, string])[];
	/** The shape was capped: what it lacks is unknown, not absent. */
	readonly truncated?: boolean;
}

/** What a change to one input field or enum value meant for the calls of the window. */
export interface FieldImpact {
	/** The change, as `ruleId path`. */
	readonly change: string;
	/** The field, as a JSON pointer into the input (`/amount`; an array item is the token `*`). */
	readonly pointer: string;
	/** The enum value the change removed, when it names one. */
	readonly value?: string;
	/**
	 * What `calls` counts: calls that `sent` the field (or the enum value), or calls that
	 * `omitted` it (a field now required).
	 */
	readonly measure: 'sent' | 'omitted';
	/** Calls whose recorded shape shows it: exact. */
	readonly calls: number;
	/** Calls whose shape is unknown (written before shapes were recorded, or capped). */
	readonly unknown: number;
}

/** Changes whose affected calls are those that did not send the field. */
const OMITTED = new Set(['required-field-added', 'field-made-required']);

/** Escapes a field name as a JSON pointer token (RFC 6901). */
function token(name: string): string {
	return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The input pointer a finding's path names (`$.input.amount` -> `/amount`, `[*]` -> `/` + `*`),
 * or undefined when it names no input field or passes through a union variant (the shape does
 * not say which variant a call used).
 */
export function inputPointer(path: string): string | undefined {
	if (!path.startsWith('$.input.') || path.includes('<')) return undefined;
	return path
		.slice('$.input.'.length)
		.replace(/\[\*\]/g, '.*')
		.split('.')
		.map((name) => `/${name === '*' ? '*' : token(name)}`)
		.join('');
}

/** A field counter: one per input change that names a field. */
export interface FieldCounter {
	readonly impact: () => FieldImpact;
	readonly add: (shape: CallShape | undefined) => void;
}

/** A counter for a finding that names an input field, or undefined. */
export function fieldCounter(finding: DiffFinding): FieldCounter | undefined {
	const pointer = inputPointer(finding.path);
	if (pointer === undefined) return undefined;
	const value =
		finding.ruleId === 'enum-value-removed' && typeof finding.before === 'string'
			? finding.before
			: undefined;
	const measure = OMITTED.has(finding.ruleId) ? 'omitted' : 'sent';
	let calls = 0;
	let unknown = 0;
	return {
		add(shape) {
			if (!shape) {
				unknown++;
				return;
			}
			const present =
				value !== undefined
					? shape.enums.some(([p, v]) => p === pointer && v === value)
					: shape.fields.includes(pointer);
			// A capped shape proves presence, never absence.
			if (!present && shape.truncated) unknown++;
			else if (present === (measure === 'sent')) calls++;
		},
		impact: () => ({
			change: `${finding.ruleId} ${finding.path}`,
			pointer,
			...(value !== undefined ? { value } : {}),
			measure,
			calls,
			unknown,
		}),
	};
}

/** Says one field's impact in words. */
export function describeFieldImpact(f: FieldImpact): string {
	const n = (x: number) => x.toLocaleString('en-US');
	const what = f.value !== undefined ? `${f.pointer} = ${JSON.stringify(f.value)}` : f.pointer;
	const verb = f.measure === 'sent' ? 'sent' : 'omitted';
	const unknown = f.unknown ? `, ${n(f.unknown)} call(s) of unknown shape` : '';
	return `${what}: ${n(f.calls)} call(s) ${verb} it${unknown}`;
}
