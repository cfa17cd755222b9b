import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../test-support/packages.ts';

/** The README's "Use Charter in your project" section, as the steps a user types. */
export interface ReadmeSteps {
	/** The first shell block: create, check, test, tsc, start (one command a line). */
	readonly project: readonly string[];
	/** The TypeScript file the section asks for: its path (from `// path`) and text. */
	readonly file: { readonly path: string; readonly text: string };
	/** The second shell block: the calls made while the server runs. */
	readonly calls: readonly string[];
}

/** Reads the steps from README.md, so the test runs what the README says. */
export function readmeSteps(title = 'Use Charter in your project'): ReadmeSteps {
	const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
	const start = readme.indexOf(`\n## ${title}\n`);
	if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
	const end = readme.indexOf('\n## ', start + 1);
	const section = readme.slice(start, end < 0 ? undefined : end);
	const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, text]) => ({
		lang: lang!,
		text: text!,
	}));
	const shell = blocks.filter((b) => b.lang === 'sh').map((b) => lines(b.text));
	const ts = blocks.find((b) => b.lang === 'ts');
	const path = ts && /^\/\/ (\S+)\n/.exec(ts.text)?.[1];
	if (shell.length !== 2 || !ts || !path)
		throw new Error(
			`README.md "${title}": expected two sh blocks and a ts block starting // <path>`,
		);
	return { project: shell[0]!, file: { path, text: ts.text }, calls: shell[1]! };
}

const lines = (text: string) =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
