/*
 * `@charter/cli/built`: what the server `charter build` writes imports. It runs a `charter`
 * command (serve unless another is named) on the project compiled into that bundle, without
 * loading a TypeScript compiler: the fast, production start.
 */
import { main } from './main.ts';
import { type BuiltProject, useBuiltProject } from './project/built-project.ts';

export type { BuiltProject } from './project/built-project.ts';

/**
 * Runs `charter <argv>` on a built project (`serve` when argv names no command) and sets the
 * process exit code.
 */
export async function runBuilt(
	project: BuiltProject,
	argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
	useBuiltProject(project);
	const named = argv[0] !== undefined && !argv[0].startsWith('-');
	process.exitCode = await main(named ? argv : ['serve', ...argv], undefined, project.root);
}
