import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffSnapshots } from '@charter/governance';
import { createSnapshot, serializeSnapshot } from '@charter/spec';
import type { GovernanceState } from '@charter/studio';
import type { Project } from '../project/load-project.ts';
import { loadBase } from './diff-support.ts';
import { checkProject } from './governance-support.ts';

/**
 * Where the project's contracts stand, for Studio's catalog: `charter check` findings, whether
 * the lockfile is fresh, and each change against it (as `charter ci` reports them).
 */
export function governanceState(project: Project): GovernanceState {
	const lockPath = resolve(project.root, project.config.lockfile);
	const findings = checkProject(project);
	if (!existsSync(lockPath))
		return { lockfile: project.config.lockfile, status: 'missing', findings, changes: [] };
	const current = createSnapshot(project.registry);
	const status = readFileSync(lockPath, 'utf8') === serializeSnapshot(current) ? 'fresh' : 'stale';
	const base = loadBase(project, project.root, undefined);
	const changes = status === 'fresh' ? [] : diffSnapshots(base.snapshot, current).findings;
	return { lockfile: project.config.lockfile, status, findings, changes };
}
