import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { linkedTempFolder } from './temp-folder.ts';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** A folder of TypeScript modules laid out as if they sat at a project's root. */
export interface ModuleFolder {
	readonly dir: string;
	/** Absolute paths of the modules written, in order. */
	readonly files: readonly string[];
	remove(): void;
}

/**
 * Writes modules into a fresh folder in the OS temp folder with a `src` link to the project's
 * own `src`, so that `./src/...` imports resolve as they would in a file at the project root,
 * and `@charter/*` packages resolve from the workspace. Nothing is written into the project.
 */
export function writeModules(project: string, modules: readonly string[]): ModuleFolder {
	const { dir, remove } = linkedTempFolder('charter-modules-', { src: join(project, 'src') });
	const files = modules.map((text, i) => {
		const file = join(dir, `module-${i + 1}.ts`);
		writeFileSync(file, text);
		return file;
	});
	return { dir, files, remove };
}

/**
 * Type-checks modules with the repository's compiler options (strict, as `npm run typecheck`)
 * and gives each error as `file:line:col message`; an empty list means they compile.
 */
export function typeCheck(files: readonly string[]): string[] {
	const config = ts.readConfigFile(join(REPO, 'tsconfig.base.json'), ts.sys.readFile);
	const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO);
	const program = ts.createProgram([...files], { ...options, noEmit: true });
	return ts
		.getPreEmitDiagnostics(program)
		.filter((d) => d.category === ts.DiagnosticCategory.Error)
		.map((d) => {
			const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
			if (!d.file || d.start === undefined) return text;
			const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
			return `${d.file.fileName}:${line + 1}:${character + 1} ${text}`;
		});
}
