import { keySegment } from '../src/convert/naming.ts';

/** What makes generated output hard to read, measured from the files' text alone. */
export interface OutputShape {
	/**
	 * Declarations whose text, their own name left out, repeats another's: neither a component
	 * nor an operation's input model (each operation keeps its own, named for it).
	 */
	readonly inlineDuplicates: number;
	/** Identical component schemas: each keeps its name, as the description's vocabulary. */
	readonly componentDuplicates: number;
	readonly longestName: string;
	readonly longestFile: { readonly path: string; readonly lines: number };
}

/** Measures generated files: duplicate declarations, the longest name, the longest file. */
export function outputShape(files: readonly { path: string; text: string }[]): OutputShape {
	const byBody = new Map<string, { name: string; component: boolean }[]>();
	const inputs = new Set(
		files.flatMap((f) => [...f.text.matchAll(/\binput: (\w+)/g)].map((m) => m[1])),
	);
	let longestName = '';
	let longestFile = { path: '', lines: 0 };
	for (const file of files) {
		const lines = file.text.split('\n').length;
		if (lines > longestFile.lines) longestFile = { path: file.path, lines };
		for (const chunk of file.text.split(/^export const /m).slice(1)) {
			const name = chunk.slice(0, chunk.search(/[^\w$]/));
			if (/^\s*=\s*define(Command|Query)\(/.test(chunk.slice(name.length))) continue;
			if (name.length > longestName.length) longestName = name;
			if (inputs.has(name)) continue;
			const body = chunk.slice(name.length).replace(`name: '${name}'`, 'name: _').trimEnd();
			const component = file.path === `models/${keySegment(name)}.schema.ts`;
			byBody.set(body, [...(byBody.get(body) ?? []), { name, component }]);
		}
	}
	let inlineDuplicates = 0;
	let componentDuplicates = 0;
	for (const same of byBody.values()) {
		const components = same.filter((d) => d.component).length;
		componentDuplicates += Math.max(0, components - 1);
		inlineDuplicates += same.length - Math.max(components, 1);
	}
	return { inlineDuplicates, componentDuplicates, longestName, longestFile };
}
