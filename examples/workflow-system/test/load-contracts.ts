import { fileURLToPath } from 'node:url';
import { loadProject } from '@charter/cli';
import type { ContractRegistry } from '@charter/spec';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Loads the example's contracts the way the CLI does (charter.config.ts globs), failing on any
 * load diagnostic. Modules load file by file, so the contracts are the objects the handlers use.
 */
export async function workflowRegistry(): Promise<ContractRegistry> {
	const project = await loadProject(ROOT);
	if (project.diagnostics.length > 0) {
		throw new Error(`the example does not load cleanly: ${JSON.stringify(project.diagnostics)}`);
	}
	return project.registry;
}
