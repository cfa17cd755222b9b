export { describe, main, VERSION } from './cli.ts';
export { mergeGitignore } from './gitignore.ts';
export { isModulePackage, ManifestError, type MergedManifest, mergeManifest } from './manifest.ts';
export {
	extensionOf,
	GITIGNORE_LINES,
	type ManifestAdditions,
	type ModuleKind,
	type ProjectOptions,
	projectFiles,
	projectManifest,
	type TemplateFile,
} from './project-files.ts';
export {
	packageName,
	ScaffoldError,
	type ScaffoldOptions,
	type ScaffoldResult,
	scaffold,
} from './scaffold.ts';
export { askOnTerminal } from './terminal.ts';
