import { UsageError } from '../command.ts';
import type { Output } from '../output/output.ts';
import { parseUnimplemented, type UnimplementedMode } from './config.ts';
import {
	type LoadDiagnostic,
	type LoadOptions,
	loadProject,
	type Project,
} from './load-project.ts';

/**
 * Loads the project for a command; usage errors propagate to `main` (exit 2). Contract
 * modules are bundled unless the command also loads the handlers (`{ bundle: false }`).
 */
export async function loadProjectOrFail(
	cwd: string,
	configPath?: string,
	options: LoadOptions = { bundle: true },
): Promise<Project> {
	return loadProject(cwd, configPath, options);
}

/** Prints load diagnostics: file, contract, field, message, code. */
export function reportDiagnostics(out: Output, diagnostics: readonly LoadDiagnostic[]): void {
	for (const d of diagnostics) {
		const where = [d.file, d.key, d.field].filter(Boolean).join(' › ');
		const label = d.severity === 'error' ? out.style.red('error') : out.style.yellow('warning');
		const at = d.location ? ` (thrown at ${d.location})` : '';
		out.error(
			`${label} ${where ? `${out.style.bold(where)}: ` : ''}${d.message}${at} ${out.style.dim(`[${d.code}]`)}`,
		);
	}
}

/**
 * Decides how operations without a handler are served: `--unimplemented` when given (a usage
 * error when it is neither `501` nor `fail`), else the config's `unimplemented`, else `fail`.
 */
export function unimplementedMode(
	flag: string | undefined,
	config: { readonly unimplemented?: UnimplementedMode },
): UnimplementedMode {
	if (flag === undefined) return config.unimplemented ?? 'fail';
	const mode = parseUnimplemented(flag);
	if (!mode) throw new UsageError(`--unimplemented ${flag}: use 501 or fail`);
	return mode;
}
