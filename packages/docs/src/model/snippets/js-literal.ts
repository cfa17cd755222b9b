const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const quote = (text: string) =>
	`'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;

/** Prints a JSON value as a TypeScript literal: tab-indented, single quotes, bare keys. */
export function jsLiteral(value: unknown, depth: number): string {
	const pad = '\t'.repeat(depth + 1);
	const end = '\t'.repeat(depth);
	if (value === undefined) return 'undefined';
	if (typeof value === 'string') return quote(value);
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((v) => `${pad}${jsLiteral(v, depth + 1)},`).join('\n')}\n${end}]`;
	}
	const entries = Object.entries(value);
	if (entries.length === 0) return '{}';
	return `{\n${entries
		.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : quote(k)}: ${jsLiteral(v, depth + 1)},`)
		.join('\n')}\n${end}}`;
}
