import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppDefinition, defineApp, isAppDefinition } from '@charter/runtime';
import { UsageError } from '../command.ts';
import { importProjectModule, isBuiltModule } from '../project/built-project.ts';
import type { UnimplementedMode } from '../project/config.ts';
import type { Project } from '../project/load-project.ts';

/**
 * Imports the project's handlers module (`handlers` in charter.config.ts) and checks that it
 * default-exports `defineApp(...)`. Without one, when operations without a handler answer 501
 * (`unimplemented: '501'`), the app has no handlers: every operation is served as a 501.
 */
export async function loadApp(
	project: Project,
	unimplemented: UnimplementedMode = project.config.unimplemented ?? 'fail',
): Promise<AppDefinition> {
	const entry = project.config.handlers;
	if (!entry && unimplemented === '501') return defineApp({ create: () => ({ bindings: [] }) });
	if (!entry) {
		throw new UsageError(
			`${project.configFile}: no \`handlers\` module is configured; add handlers: 'src/handlers.ts' exporting defineApp(...), or serve every operation as 501 with unimplemented: '501' (or --unimplemented 501)`,
			'CHARTER_NO_HANDLERS',
		);
	}
	const file = join(project.root, entry);
	if (!existsSync(file) && !isBuiltModule(file)) {
		throw new UsageError(
			`handlers module ${entry} does not exist (from ${project.configFile})`,
			'CHARTER_NO_HANDLERS',
		);
	}
	let loaded: unknown;
	try {
		loaded = (await importProjectModule(file)).default;
	} catch (error) {
		throw new UsageError(
			`${entry} failed to load: ${(error as Error).message}`,
			'CHARTER_HANDLERS_LOAD',
		);
	}
	if (!isAppDefinition(loaded)) {
		throw new UsageError(
			`${entry} must default-export defineApp({ create(env) { ... } }) from @charter/runtime`,
			'CHARTER_HANDLERS_INVALID',
		);
	}
	return loaded;
}
