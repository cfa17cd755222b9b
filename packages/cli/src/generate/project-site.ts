import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	buildSite,
	buildSiteInSlices,
	GuideError,
	type GuideSource,
	guideSections,
	type SiteFiles,
} from '@charter/docs';
import { UsageError } from '../command.ts';
import type { Project } from '../project/load-project.ts';
import { readGuides } from './project-guides.ts';
import { referenceIncludes } from './reference-includes.ts';

/** What the site needs besides the project. */
export interface ProjectSiteOptions {
	/** Base URL the snippets call; the server's own URL under `charter serve`. */
	readonly baseUrl?: string;
	/**
	 * Build in slices with the event loop free between them (a server that already answers
	 * requests); at once by default.
	 */
	readonly inSlices?: boolean;
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
	const { guides, includes } = await projectGuides(project);
	const siteOptions = {
		title: project.config.title ?? 'Contracts',
		sources,
		markdown: true,
		guides,
		includes,
		...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
	};
	try {
		return options.inSlices
			? await buildSiteInSlices(project.registry, siteOptions)
			: buildSite(project.registry, siteOptions);
	} catch (error) {
		throw guideUsageError(error);
	}
}

/**
 * Checks the project's guides as the site would take them (a title each, known includes),
 * without building the site: what a server checks before it listens, so a broken guide is a
 * usage error (`CHARTER_GUIDES`) before anything is served.
 */
export async function checkProjectGuides(project: Project): Promise<void> {
	const { guides, includes } = await projectGuides(project);
	try {
		guideSections(guides, includes);
	} catch (error) {
		throw guideUsageError(error);
	}
}

async function projectGuides(project: Project): Promise<{
	guides: GuideSource[];
	includes: Readonly<Record<string, string>>;
}> {
	const guides = project.config.guides ? readGuides(join(project.root, project.config.guides)) : [];
	return { guides, includes: guides.length > 0 ? await referenceIncludes() : {} };
}

function guideUsageError(error: unknown): unknown {
	return error instanceof GuideError ? new UsageError(error.message, 'CHARTER_GUIDES') : error;
}
