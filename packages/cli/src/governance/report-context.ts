import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationTarget } from '@charter/governance';
import type { Project } from '../project/load-project.ts';
import { pathFromRepository } from '../project/repository-root.ts';

/** Gives the feature of each contract key (its title, or its key), from the project's features. */
export function featuresOf(project: Project): (key: string) => string | undefined {
	const features = new Map<string, string>();
	for (const { spec } of project.registry.all()) {
		if (spec.kind !== 'feature') continue;
		for (const member of spec.members) {
			if (!features.has(member.key)) features.set(member.key, spec.meta.title ?? spec.meta.key);
		}
	}
	return (key) => features.get(key);
}

/**
 * Places a finding for a GitHub annotation: its contract file from the repository root, and
 * the line declaring the contract's key there (the line of the field, when a later line names
 * the last segment of its path).
 */
export function annotationTargets(
	project: Project,
): (f: { file?: string; key?: string; field?: string }) => AnnotationTarget | undefined {
	const prefix = pathFromRepository(project.root);
	const texts = new Map<string, string[] | undefined>();
	const linesOf = (file: string) => {
		if (!texts.has(file)) {
			try {
				texts.set(file, readFileSync(join(project.root, file), 'utf8').split('\n'));
			} catch {
				texts.set(file, undefined);
			}
		}
		return texts.get(file);
	};
	return (f) => {
		if (!f.file) return undefined;
		const file = `${prefix ? `${prefix}/` : ''}${f.file.replaceAll('\\', '/')}`;
		const lines = f.key ? linesOf(f.file) : undefined;
		if (!lines || !f.key) return { file };
		const keyLine = lines.findIndex(
			(l) => l.includes(`'${f.key}'`) || l.includes(`"${f.key}"`) || l.includes(`\`${f.key}\``),
		);
		if (keyLine < 0) return { file };
		const last = f.field
			?.split(/[.[\]]/)
			.filter((s) => s && s !== '$' && s !== '*')
			.at(-1);
		const fieldLine =
			last && /^[A-Za-z_][\w-]*$/.test(last)
				? lines.findIndex((l, i) => i > keyLine && new RegExp(`\\b${last}\\s*:`).test(l))
				: -1;
		return { file, line: (fieldLine >= 0 ? fieldLine : keyLine) + 1 };
	};
}
