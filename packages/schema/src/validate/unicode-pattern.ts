/** What {@link toUnicodePattern} made of a regular expression. */
export type UnicodePattern =
	| { readonly ok: true; readonly pattern: string; readonly changed: boolean }
	| { readonly ok: false; readonly reason: string };

// Characters a `u`-flag pattern may escape outside a class (syntax characters and `/`).
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
// Escapes with a meaning of their own (classes, controls, backreferences, properties).
const MEANINGFUL = new Set('dDwWsSbBnrtfv0123456789cxukpP');

/**
 * Makes a JSON Schema `pattern` compile under the `u` flag, which validators (Ajv) use: a
 * pattern written for the non-Unicode dialect often escapes characters that need no escape
 * (`\:`, `\_`, `\-` outside a class, `\@`), which the `u` flag rejects. Such an escape becomes
 * the character itself; the meaning is unchanged. A pattern that still does not compile is
 * reported with the engine's reason, never thrown.
 *
 * @example toUnicodePattern('^[a-zA-Z0-9_\\-\\:]+$') // { ok: true, pattern: '^[a-zA-Z0-9_\\-:]+$', changed: true }
 */
export function toUnicodePattern(pattern: string): UnicodePattern {
	if (compiles(pattern)) return { ok: true, pattern, changed: false };
	let out = '';
	let inClass = false;
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i]!;
		if (char === '\\' && i + 1 < pattern.length) {
			const next = pattern[++i]!;
			const keep = SYNTAX.has(next) || MEANINGFUL.has(next) || (inClass && next === '-');
			out += keep ? `\\${next}` : next;
			continue;
		}
		if (char === '[' && !inClass) inClass = true;
		else if (char === ']' && inClass) inClass = false;
		out += char;
	}
	if (compiles(out)) return { ok: true, pattern: out, changed: true };
	try {
		new RegExp(pattern, 'u');
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
	return { ok: false, reason: 'does not compile with the u flag' };
}

function compiles(pattern: string): boolean {
	try {
		new RegExp(pattern, 'u');
		return true;
	} catch {
		return false;
	}
}
