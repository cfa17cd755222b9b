import type { CheckContext } from './check-context.ts';

/** What `charter new` writes where a person must fill in the text. */
const PLACEHOLDER = /\bTODO:/;

/**
 * Finds generated placeholders (`TODO: …`) left anywhere in a contract: its description,
 * goal and context, its models' and fields' descriptions, its errors and its examples.
 */
export function checkPlaceholders(ctx: CheckContext): void {
	for (const entry of ctx.entries) {
		for (const field of placeholderPaths(entry.spec)) {
			ctx.report('no-placeholder', entry, field, 'a generated placeholder (TODO:) is still here');
		}
	}
}

/** The dotted paths of the strings holding a placeholder, each shared node visited once. */
function placeholderPaths(root: unknown): string[] {
	const found: string[] = [];
	const seen = new Set<object>();
	const visit = (value: unknown, path: string): void => {
		if (typeof value === 'string') {
			if (PLACEHOLDER.test(value)) found.push(path);
			return;
		}
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
	};
	visit(root, '');
	return found;
}
