import { GITIGNORE_LINES } from './project-files.ts';

/** A .gitignore with the lines a Charter project needs appended where missing. */
export function mergeGitignore(existing: string | undefined): string {
	if (existing === undefined) return `${GITIGNORE_LINES.join('\n')}\n`;
	const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
	const missing = GITIGNORE_LINES.filter((line) => !present.has(line));
	if (missing.length === 0) return existing;
	const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
	return `${existing}${separator}${missing.join('\n')}\n`;
}
