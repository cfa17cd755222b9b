import { createInterface } from 'node:readline/promises';

/**
 * Asks on the terminal whether to overwrite a file (no unless the answer starts with y);
 * undefined when stdin or stdout is not a terminal, so scripts and CI never wait for an answer.
 */
export function askOnTerminal(): ((path: string) => Promise<boolean>) | undefined {
	if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
	return async (path) => {
		const answer = await question(
			`${path} exists and differs from Charter's. Overwrite it? [y/N] `,
		);
		return /^y/i.test(answer.trim());
	};
}

/** One line read from the terminal after a prompt. */
export async function question(prompt: string): Promise<string> {
	const terminal = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await terminal.question(prompt);
	} finally {
		terminal.close();
	}
}
