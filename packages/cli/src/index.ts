export { type Command, type CommandContext, ExitCode, UsageError } from './command.ts';
export { main } from './main.ts';
export {
	type CharterConfig,
	defineConfig,
	type ResolvedConfig,
	type RuleSetting,
	type UnimplementedMode,
} from './project/config.ts';
export {
	findConfigFile,
	type LoadDiagnostic,
	loadProject,
	type Project,
} from './project/load-project.ts';
export { type Mismatch, partialMismatches } from './testing/partial-match.ts';
export {
	defaultExampleStores,
	EXAMPLE_CLOCK,
	type ExampleReport,
	type ExampleStores,
	openExampleStores,
	type RunExamplesOptions,
	runExample,
	runExamples,
} from './testing/run-examples.ts';
