import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, GuideError, type SiteFiles } from '@charter/docs';
import { UsageError } from '../command.ts';
import type { Project } from '../project/load-project.ts';
import { readGuides } from './project-guides.ts';
import { referenceIncludes } from './reference-includes.ts';

/** What the site needs besides the project. */
export interface ProjectSiteOptions {
	/** Base URL the snippets call; the server's own URL under `charter serve`. */
	readonly baseUrl?: string;
}

/**
 * Builds the docs site of a loaded project: the page model comes from the registry, the
 * guides (when the config names a folder) from Markdown, with the CLI and configuration
 * references generated from the code; source files are read only to show each definition.
 */
export async function buildProjectSite(
	project: Project,
	options: ProjectSiteOptions = {},
): Promise<SiteFiles> {
	const sources: Record<string, string> = {};
	for (const { file } of project.registry.all()) {
		if (file && !(file in sources)) {
			const path = join(project.root, file);
			if (existsSync(path)) sources[file] = readFileSync(path, 'utf8');
		}
	}
	const guides = project.config.guides ? readGuides(join(project.root, project.config.guides)) : [];
	try {
		return buildSite(project.registry, {
			title: project.config.title ?? 'Contracts',
			sources,
			markdown: true,
			guides,
			includes: guides.length > 0 ? await referenceIncludes() : {},
			...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
		});
	} catch (error) {
		if (error instanceof GuideError) throw new UsageError(error.message, 'CHARTER_GUIDES');
		throw error;
	}
}
