import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type RegistryKind, registryKind } from '@charter/spec';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { renderContractView, toContractView } from '../inspect/contract-view.ts';
import { findContract } from '../inspect/find-contract.ts';
import type { Output } from '../output/output.ts';
import { loadModules, relativeToRoot } from '../project/load-project.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

const KINDS: readonly RegistryKind[] = ['operation', 'event', 'feature'];

/** `charter inspect`: one contract in full, or every contract a module exports. */
export const inspectCommand: Command = {
	name: 'inspect',
	usage: [
		'charter inspect <key>[@version] [--kind operation|event|feature] [--json] [--config FILE]',
		'       charter inspect --file <module.ts> [--json]',
		'',
		'Without @version, shows the latest version (the highest stable one if any).',
		'Keys match exactly: `workflow` never matches `workflow.instance.pause`.',
		'--file imports one module (no config needed) and prints every contract it exports.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['config', 'file', 'kind'] });
		const kind = flags.string.kind as RegistryKind | undefined;
		if (kind !== undefined && !KINDS.includes(kind)) {
			throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
		}
		if (flags.string.file !== undefined) {
			if (flags.positional.length > 0)
				throw new UsageError('give either a key or --file, not both');
			return inspectFile(resolve(cwd, flags.string.file), cwd, flags.boolean.json === true, out);
		}
		const [ref, ...extra] = flags.positional;
		if (ref === undefined)
			throw new UsageError('missing contract key: charter inspect <key>[@version]');
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const project = await loadProjectOrFail(cwd, flags.string.config);
		const entry = findContract(project.registry, ref, kind);
		const versions = project.registry
			.versions(registryKind(entry.spec), entry.spec.meta.key)
			.map((e) => e.spec.meta.version);
		const view = toContractView(entry, versions);
		if (flags.boolean.json) out.json(view);
		else renderContractView(out, view);
		reportDiagnostics(out, project.diagnostics);
		return project.diagnostics.length > 0 ? ExitCode.findings : ExitCode.ok;
	},
};

async function inspectFile(path: string, cwd: string, json: boolean, out: Output): Promise<number> {
	if (!existsSync(path)) throw new UsageError(`module ${path} does not exist`, 'CHARTER_NO_MODULE');
	const file = relativeToRoot(cwd, path);
	const { registry, diagnostics } = await loadModules(cwd, [file]);
	const views = registry.all().map((entry) => toContractView(entry));
	if (json) {
		out.json({ file, contracts: views, diagnostics });
	} else {
		views.forEach((view, index) => {
			if (index > 0) out.line('');
			renderContractView(out, view);
		});
		if (views.length === 0 && diagnostics.length === 0) out.line(`${file} exports no contracts`);
		reportDiagnostics(out, diagnostics);
	}
	return diagnostics.length > 0 ? ExitCode.findings : ExitCode.ok;
}
