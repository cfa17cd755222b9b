import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type SiteFiles } from '@charter/docs';
import type { Project } from '../project/load-project.ts';

/**
 * Builds the docs site of a loaded project. The page model comes from the registry; the
 * source files are read from disk only to show each contract's definition.
 */
export function buildProjectSite(project: Project): SiteFiles {
	const sources: Record<string, string> = {};
	for (const { file } of project.registry.all()) {
		if (file && !(file in sources)) {
			const path = join(project.root, file);
			if (existsSync(path)) sources[file] = readFileSync(path, 'utf8');
		}
	}
	return buildSite(project.registry, {
		title: project.config.title ?? 'Contracts',
		sources,
		markdown: true,
	});
}
