// What \`charter diff\`, \`ci\` and \`version\` add to the check's support: the base snapshot, the
// waivers and the diff with its policy. Kept apart: the diff loads GraphQL, the check does not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	applyVersionPolicy,
	applyWaivers,
	type DiffOptions,
	diffSnapshots,
	GovernanceError,
	loadBaseSnapshot,
	parseWaivers,
	type ReportParts,
	reviewsOf,
	SURFACES,
	type Waiver,
} from '@charter/governance';
import type { Snapshot } from '@charter/spec';
import { UsageError } from '../command.ts';
import type { Project } from '../project/load-project.ts';
import { deprecationDays } from './governance-support.ts';

/** Loads the base snapshot of a diff (a lockfile or a git ref); bad input is a usage error (exit 2). */
export function loadBase(project: Project, cwd: string, base: string | undefined) {
	try {
		return loadBaseSnapshot(base ?? project.config.lockfile, {
			cwd: base === undefined ? project.root : cwd,
			root: project.root,
			lockfile: project.config.lockfile,
		});
	} catch (error) {
		if (error instanceof GovernanceError) throw new UsageError(error.message, error.code);
		throw error;
	}
}

/** The diff options a project's config asks for: the surfaces it serves, the shortest deprecation period. */
export function diffOptionsOf(project: Project): DiffOptions {
	const minimum = deprecationDays(project, 'minimumDays', 'minimumDeprecationDays');
	const surfaces = project.config.governance?.surfaces;
	if (surfaces === undefined) return minimum;
	const unknown = surfaces.filter((s) => !SURFACES.includes(s));
	if (!Array.isArray(surfaces) || unknown.length > 0) {
		throw new UsageError(
			`${project.configFile}: governance.surfaces must list surfaces among ${SURFACES.join(', ')}; unknown: ${unknown.join(', ')}`,
			'CHARTER_CONFIG_INVALID',
		);
	}
	return { ...minimum, surfaces };
}

/** The file beside the config that may list waivers: `{ "waivers": [...] }`. */
export const WAIVERS_FILE = 'charter.waivers.json';

/** Reads the project's waivers (config `governance.waivers` and `charter.waivers.json`); bad ones are usage errors. */
export function loadWaivers(project: Project): Waiver[] {
	try {
		const waivers = parseWaivers(project.config.governance?.waivers ?? [], project.configFile);
		const file = join(project.root, WAIVERS_FILE);
		if (existsSync(file)) {
			let data: unknown;
			try {
				data = JSON.parse(readFileSync(file, 'utf8'));
			} catch (error) {
				throw new UsageError(
					`${file}: not JSON (${(error as Error).message})`,
					'CHARTER_WAIVERS_INVALID',
				);
			}
			waivers.push(...parseWaivers((data as { waivers?: unknown })?.waivers, file));
		}
		return waivers;
	} catch (error) {
		if (error instanceof GovernanceError) throw new UsageError(error.message, error.code);
		throw error;
	}
}

/** Diffs a base with the current contracts and applies the project's waivers. */
export function diffWithWaivers(project: Project, base: Snapshot, current: Snapshot) {
	const diff = diffSnapshots(base, current, diffOptionsOf(project));
	const waivers = applyWaivers(diff.findings, loadWaivers(project));
	return { diff: { ...diff, findings: waivers.findings }, waivers };
}

/** Diffs a base with the current contracts, applies the waivers, then the version policy. */
export function diffWithPolicy(
	project: Project,
	base: { readonly snapshot: Snapshot; readonly label: string },
	current: Snapshot,
): NonNullable<ReportParts['diff']> {
	const { diff, waivers } = diffWithWaivers(project, base.snapshot, current);
	return {
		base: base.label,
		findings: diff.findings,
		policy: applyVersionPolicy(diff),
		waivers: { used: waivers.used, expired: waivers.expired },
		reviews: reviewsOf(diff),
	};
}

export type { Snapshot };
