/** Turns a JSON pointer (`/steps/0/name`) into a form field name (`steps.0.name`); `` is ``. */
export function pointerToName(pointer: string): string {
	if (pointer === '' || pointer === '/') return '';
	return pointer
		.slice(1)
		.split('/')
		.map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
		.join('.');
}

/** Turns a form field name (`steps.0.name`) into a label-friendly id fragment (`steps-0-name`). */
export function nameToId(name: string): string {
	return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Gives a label from a field name: `instanceId` -> `Instance id`, `due_on` -> `Due on`. */
export function labelOf(name: string): string {
	const words = name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.trim()
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Copies form values into an input: drops `undefined` members (an empty optional field is an
 * absent key, as on the wire), keeps array positions (an empty item stays visible to validation).
 */
export function toInput(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(toInput);
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [key, member] of Object.entries(value))
		if (member !== undefined) out[key] = toInput(member);
	return out;
}

/** Sets `value` at a dotted name in nested objects and arrays (numeric segments make arrays). */
export function setAtName(target: Record<string, unknown>, name: string, value: unknown): void {
	const segments = name.split('.');
	let node: Record<string, unknown> = target;
	segments.forEach((segment, i) => {
		if (i === segments.length - 1) {
			if (node[segment] === undefined) node[segment] = value;
			return;
		}
		if (typeof node[segment] !== 'object' || node[segment] === null)
			node[segment] = /^\d+$/.test(segments[i + 1]!) ? [] : {};
		node = node[segment] as Record<string, unknown>;
	});
}
