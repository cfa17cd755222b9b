/**
 * Adds a handler to an app module the way `charter init` writes one: an import after the
 * last import, and the handler first in `bindings: [`. Gives the new text, or undefined when
 * the module has no such list (the user wires it by hand; `charter test` names what is missing).
 */
export function wireHandler(source: string, handler: string, from: string): string | undefined {
	const bindings = /bindings:\s*\[/.exec(source);
	if (!bindings) return undefined;
	const listed = `${source.slice(0, bindings.index + bindings[0].length)}\n\t\t\t\t${handler},${source.slice(bindings.index + bindings[0].length)}`;
	const imports = [...listed.matchAll(/^import [^;]+;$/gms)];
	const after = imports.length > 0 ? imports.at(-1)!.index + imports.at(-1)![0].length : 0;
	const line = `import { ${handler} } from '${from}';`;
	return after === 0
		? `${line}\n${listed}`
		: `${listed.slice(0, after)}\n${line}${listed.slice(after)}`;
}
