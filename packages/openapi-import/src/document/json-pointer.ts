/** Escapes one JSON pointer segment (`~` -> `~0`, `/` -> `~1`). */
export function escapeSegment(segment: string | number): string {
	return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends segments to a pointer: `child('#/paths', '/pets', 'get')` -> `#/paths/~1pets/get`. */
export function child(pointer: string, ...segments: (string | number)[]): string {
	return segments.reduce<string>((at, s) => `${at}/${escapeSegment(s)}`, pointer);
}

/** Reads the value a pointer (`#/a/b` or `/a/b`) names inside a document, or undefined. */
export function readPointer(root: unknown, pointer: string): unknown {
	const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
	if (body === '' || body === '/') return body === '' ? root : undefined;
	let current = root;
	for (const raw of body.split('/').slice(1)) {
		const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
		if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
			return undefined;
		}
		current = (current as Record<string, unknown>)[segment];
	}
	return current;
}

/** The last segment of a pointer, unescaped (`#/components/schemas/Pet` -> `Pet`). */
export function lastSegment(pointer: string): string {
	const parts = pointer.split('/');
	return (parts.at(-1) ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
}
