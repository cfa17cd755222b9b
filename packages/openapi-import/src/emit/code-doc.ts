/**
 * A tiny pretty-printer for generated TypeScript, close to Biome's output (tabs, single
 * quotes, width 100, trailing commas): a node prints flat when it fits, else broken.
 */
export type Doc =
	| { readonly kind: 'raw'; readonly text: string }
	| { readonly kind: 'object'; readonly entries: readonly (readonly [string, Doc])[] }
	| { readonly kind: 'array'; readonly items: readonly Doc[] }
	| { readonly kind: 'call'; readonly callee: string; readonly args: readonly Doc[] };

const WIDTH = 100;
/** Biome measures a tab as its indent width, 2. */
const TAB = 2;

/** Wraps text that prints as is. */
export const raw = (text: string): Doc => ({ kind: 'raw', text });
/** An object literal; entries keep their order. */
export const obj = (entries: readonly (readonly [string, Doc])[]): Doc => ({
	kind: 'object',
	entries,
});
/** An array literal. */
export const arr = (items: readonly Doc[]): Doc => ({ kind: 'array', items });
/** A function call. */
export const call = (callee: string, ...args: Doc[]): Doc => ({ kind: 'call', callee, args });

/** Quotes a string the way Biome does: single quotes unless that needs more escapes. */
export function quote(text: string): string {
	const json = JSON.stringify(text).slice(1, -1);
	// Biome picks the quote that needs fewer escapes; single quotes on a tie.
	const singles = text.split("'").length - 1;
	const doubles = text.split('"').length - 1;
	const useDouble = singles > doubles;
	if (useDouble) return `"${json}"`;
	return `'${json.replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
	return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** Turns a JSON value into a doc. */
export function value(v: unknown): Doc {
	if (v === null || typeof v === 'boolean') return raw(String(v));
	if (typeof v === 'number') return raw(Number.isFinite(v) ? String(v) : 'null');
	if (typeof v === 'string') return raw(quote(v));
	if (Array.isArray(v)) return arr(v.map(value));
	if (typeof v === 'object') {
		return obj(
			Object.entries(v as Record<string, unknown>)
				.filter(([, x]) => x !== undefined)
				.map(([k, x]) => [propertyKey(k), value(x)] as const),
		);
	}
	return raw('null');
}

function flat(doc: Doc): string | undefined {
	switch (doc.kind) {
		case 'raw':
			return doc.text.includes('\n') ? undefined : doc.text;
		case 'object': {
			if (doc.entries.length === 0) return '{}';
			const parts: string[] = [];
			for (const [k, v] of doc.entries) {
				const f = flat(v);
				if (f === undefined) return undefined;
				parts.push(`${k}: ${f}`);
			}
			return `{ ${parts.join(', ')} }`;
		}
		case 'array': {
			// A list of several lists or objects, each with several items, is always broken (as Biome does).
			const matrix =
				doc.items.length > 1 &&
				doc.items.every(
					(i) =>
						(i.kind === 'array' && i.items.length > 1) ||
						(i.kind === 'object' && i.entries.length > 1),
				);
			if (matrix) return undefined;
			const parts: string[] = [];
			for (const item of doc.items) {
				const f = flat(item);
				if (f === undefined) return undefined;
				parts.push(f);
			}
			return `[${parts.join(', ')}]`;
		}
		case 'call': {
			const parts: string[] = [];
			for (const arg of doc.args) {
				const f = flat(arg);
				if (f === undefined) return undefined;
				parts.push(f);
			}
			return `${doc.callee}(${parts.join(', ')})`;
		}
	}
}

/**
 * Prints a doc starting at `column` (visual width already used on the line) with `depth`
 * tabs of indentation; `suffix` is what follows on the same line (`,` or `;`).
 */
export function print(doc: Doc, depth: number, column: number, suffix = ''): string {
	const f = flat(doc);
	// Objects that hold nested objects stay broken, the way a person writes contracts.
	const forceBreak =
		doc.kind === 'object' &&
		doc.entries.some(([, v]) => v.kind === 'object' && v.entries.length > 0);
	if (f !== undefined && !forceBreak && column + width(f) + suffix.length <= WIDTH) return f;
	const inner = '\t'.repeat(depth + 1);
	const close = '\t'.repeat(depth);
	switch (doc.kind) {
		case 'raw':
			return doc.text;
		case 'object': {
			if (doc.entries.length === 0) return '{}';
			return `{\n${doc.entries.map(([k, v]) => entryLine(k, v, depth)).join('\n')}\n${close}}`;
		}
		case 'array': {
			const lines = doc.items.map(
				(item) => `${inner}${print(item, depth + 1, (depth + 1) * TAB, ',')},`,
			);
			return `[\n${lines.join('\n')}\n${close}]`;
		}
		case 'call': {
			const last = doc.args.at(-1);
			const others = doc.args.slice(0, -1);
			const head = others.map((a) => flat(a));
			// Hug the last object or array argument: `fn('x', {` ... `})`.
			const hug =
				last &&
				(last.kind === 'object' || last.kind === 'array') &&
				head.every((h) => h !== undefined);
			const prefix = `${doc.callee}(${head.map((h) => `${h}, `).join('')}`;
			if (hug && column + prefix.length + 1 <= WIDTH) {
				const body = print(last, depth, column + prefix.length, `)${suffix}`);
				if (
					!body.includes('\n') &&
					column + prefix.length + body.length + 1 + suffix.length > WIDTH
				) {
					return breakArgs(doc, depth);
				}
				return `${prefix}${forceBroken(last, body, depth)})`;
			}
			return breakArgs(doc, depth);
		}
	}
}

function forceBroken(doc: Doc, printed: string, depth: number): string {
	if (printed.includes('\n')) return printed;
	// It fit flat on its own but not after the callee: break it.
	return printBroken(doc, depth);
}

function printBroken(doc: Doc, depth: number): string {
	const inner = '\t'.repeat(depth + 1);
	const close = '\t'.repeat(depth);
	if (doc.kind === 'object') {
		return `{\n${doc.entries.map(([k, v]) => entryLine(k, v, depth)).join('\n')}\n${close}}`;
	}
	if (doc.kind === 'array') {
		const lines = doc.items.map(
			(item) => `${inner}${print(item, depth + 1, (depth + 1) * TAB, ',')},`,
		);
		return `[\n${lines.join('\n')}\n${close}]`;
	}
	return print(doc, depth, 0);
}

function breakArgs(doc: Extract<Doc, { kind: 'call' }>, depth: number): string {
	const inner = '\t'.repeat(depth + 1);
	// With every argument on its own line, object arguments are expanded too (as Biome does).
	const lines = doc.args.map(
		(a) =>
			`${inner}${a.kind === 'object' && a.entries.length > 0 ? printBroken(a, depth + 1) : print(a, depth + 1, (depth + 1) * TAB, ',')},`,
	);
	return `${doc.callee}(\n${lines.join('\n')}\n${'\t'.repeat(depth)})`;
}

/** One `key: value,` line; a string that does not fit moves to its own line, as Biome does. */
function entryLine(key: string, v: Doc, depth: number): string {
	const inner = '\t'.repeat(depth + 1);
	const column = (depth + 1) * TAB + key.length + 2;
	// Like Prettier, a key shorter than the indent width + 3 never breaks after its colon.
	if (
		v.kind === 'raw' &&
		/^['"]/.test(v.text) &&
		width(key) >= TAB + 3 &&
		column + width(v.text) + 1 > WIDTH
	) {
		return `${inner}${key}:\n${inner}\t${v.text},`;
	}
	return `${inner}${key}: ${print(v, depth + 1, column, ',')},`;
}

/** Visual width: code points, not UTF-16 units. */
function width(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}
