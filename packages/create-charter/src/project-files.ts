/** One file a new project gets: path relative to the project folder, and its text. */
export interface TemplateFile {
	readonly path: string;
	readonly text: string;
}

/**
 * How the project's package loads `.ts` files: `module` ("type": "module") or `commonjs` (no
 * "type", as in a typical Express app). A CommonJS project's Charter files end in `.mts`, so
 * they are ES modules that can import Charter's ESM-only packages.
 */
export type ModuleKind = 'module' | 'commonjs';

export interface ProjectOptions {
	/** The npm package name (a new project's `name`; the title of its docs and OpenAPI). */
	readonly name: string;
	/** The version of Charter's packages the project depends on (`^version`). */
	readonly charterVersion: string;
	readonly moduleKind: ModuleKind;
}

/** What the project's package.json needs: added where missing, never replacing a value. */
export interface ManifestAdditions {
	readonly scripts: Readonly<Record<string, string>>;
	readonly dependencies: Readonly<Record<string, string>>;
	readonly devDependencies: Readonly<Record<string, string>>;
	/** npm's list of packages whose install scripts may run (better-sqlite3 builds its binding). */
	readonly allowScripts: Readonly<Record<string, boolean>>;
}

/** The TypeScript file extension of a project's Charter files. */
export const extensionOf = (kind: ModuleKind): 'ts' | 'mts' => (kind === 'module' ? 'ts' : 'mts');

/**
 * The files of a Charter project besides package.json and .gitignore: the config, a tsconfig
 * (strict), a sample contract module and its handlers.
 */
export function projectFiles(options: ProjectOptions): TemplateFile[] {
	const ext = extensionOf(options.moduleKind);
	const config = `charter.config.${ext}`;
	const title = options.name.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
	return [
		{
			path: config,
			text: `import { defineConfig } from '@charter/cli';

export default defineConfig({
	title: '${title}',
	contracts: ['src/**/*.operations.${ext}', 'src/**/*.events.${ext}'],
	lockfile: 'contracts.lock.json',
	handlers: 'src/handlers.${ext}',
});
`,
		},
		{ path: 'tsconfig.json', text: tsconfig(config) },
		{ path: `src/hello/hello.operations.${ext}`, text: HELLO_OPERATIONS },
		{ path: `src/handlers.${ext}`, text: handlers(ext) },
	];
}

/** The scripts and dependencies a Charter project needs in its package.json. */
export function projectManifest(options: ProjectOptions): ManifestAdditions {
	const range = `^${options.charterVersion}`;
	return {
		scripts: {
			start: 'charter serve',
			check: 'charter check',
			test: 'charter test',
			typecheck: 'tsc --noEmit',
			snapshot: 'charter snapshot',
			build: 'charter build',
		},
		dependencies: {
			'@charter/cli': range,
			'@charter/client': range,
			'@charter/runtime': range,
			'@charter/schema': range,
			'@charter/spec': range,
			// `charter serve` keeps its data in SQLite (.charter/charter.db) by default.
			'better-sqlite3': '^12.0.0',
		},
		devDependencies: { typescript: '^5.9.0' },
		allowScripts: { 'better-sqlite3': true },
	};
}

/**
 * What the project keeps out of git: installs, local data, and the generated artifacts other
 * than the committed defaults (openapi.json and schema.graphql; config: `committed`).
 */
export const GITIGNORE_LINES: readonly string[] = [
	'node_modules/',
	'.charter/',
	'build/',
	'generated/*',
	'!generated/openapi.json',
	'!generated/schema.graphql',
];

const handlers = (
	ext: string,
) => `import { ContractError, defineApp, implement } from '@charter/runtime';
import { GetGreetingQuery, SetGreetingCommand } from './hello/hello.operations.${ext}';

/** The handlers of this project; \`charter serve\` and \`charter test\` create them. */
export default defineApp({
	tokens: { 'dev-token': { id: 'dev', description: 'a signed-in developer' } },
	create() {
		// Kept in memory for the sample; real state goes through the command's transaction
		// (ctx.transaction), so it commits with the events and the audit record.
		const greetings = new Map<string, string>();
		return {
			bindings: [
				implement(GetGreetingQuery, ({ name }) => ({
					name,
					message: greetings.get(name) ?? \`Hello, \${name}!\`,
				})),
				implement(SetGreetingCommand, ({ name, message }, ctx) => {
					if (message.trim() === '') throw new ContractError('MESSAGE_REJECTED', 'the message is blank');
					greetings.set(name, message);
					ctx.emit('hello.greeting.changed', { name, message });
					return { name, message };
				}),
			],
			fixtures: { 'set-greeting': { principal: { id: 'dev' } } },
		};
	},
});
`;

const tsconfig = (configFile: string) => `{
	"compilerOptions": {
		"target": "ES2022",
		"module": "ESNext",
		"moduleResolution": "Bundler",
		"strict": true,
		"noUncheckedIndexedAccess": true,
		"verbatimModuleSyntax": true,
		"allowImportingTsExtensions": true,
		"isolatedModules": true,
		"skipLibCheck": true,
		"noEmit": true
	},
	"include": ["src", "${configFile}"]
}
`;

const HELLO_OPERATIONS = `import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery } from '@charter/spec';

/** A greeting addressed to one person. */
export const GreetingModel = defineSchemaModel({
	name: 'Greeting',
	description: 'A greeting addressed to one person.',
	fields: {
		name: {
			type: ScalarTypeEnum.NonEmptyString(),
			isOptional: false,
			description: 'Who is greeted.',
		},
		message: {
			type: ScalarTypeEnum.String(),
			isOptional: false,
			description: 'What they are told.',
		},
	},
});

const GreetingLookupModel = defineSchemaModel({
	name: 'GreetingLookup',
	fields: {
		name: {
			type: ScalarTypeEnum.NonEmptyString(),
			isOptional: false,
			description: 'Who to greet.',
		},
	},
});

/** Reads the greeting for a name; anyone may ask. */
export const GetGreetingQuery = defineQuery({
	meta: {
		key: 'hello.greeting.get',
		version: '1.0.0',
		stability: 'experimental',
		owners: ['@your-team'],
		tags: ['hello'],
		description: 'Read the greeting for a name.',
		goal: 'Show how a query is declared: input, output, policy and an executable example.',
	},
	io: { input: GreetingLookupModel, output: GreetingModel },
	policy: { auth: 'anonymous' },
	acceptance: {
		scenarios: [
			{
				key: 'greet-by-name',
				given: ['No custom greeting was set for Ada'],
				when: ['Someone asks for the greeting of Ada'],
				then: ['The default greeting is returned'],
			},
		],
		examples: [
			{
				key: 'greet-ada',
				scenario: 'greet-by-name',
				input: { name: 'Ada' },
				output: { name: 'Ada', message: 'Hello, Ada!' },
			},
		],
	},
});

/** Sets the greeting for a name; only signed-in users may, and each change is audited. */
export const SetGreetingCommand = defineCommand({
	meta: {
		key: 'hello.greeting.set',
		version: '1.0.0',
		stability: 'experimental',
		owners: ['@your-team'],
		tags: ['hello'],
		description: 'Set the greeting for a name.',
		goal: 'Show how a command is declared: policy, errors, emitted events and audit.',
	},
	io: { input: GreetingModel, output: GreetingModel },
	policy: { auth: 'user' },
	errors: {
		MESSAGE_REJECTED: { status: 422, description: 'The message is empty or only whitespace.' },
	},
	sideEffects: {
		emits: [
			{
				key: 'hello.greeting.changed',
				version: '1.0.0',
				when: 'A greeting is saved',
				payload: GreetingModel,
			},
		],
		audit: ['hello.greeting.changed'],
	},
	acceptance: {
		scenarios: [
			{
				key: 'set-greeting',
				given: ['A signed-in user'],
				when: ['They set the greeting of Ada to "Welcome back, Ada"'],
				then: ['The new greeting is returned', 'hello.greeting.changed is emitted'],
			},
		],
		examples: [
			{
				key: 'welcome-ada',
				scenario: 'set-greeting',
				input: { name: 'Ada', message: 'Welcome back, Ada' },
				output: { name: 'Ada', message: 'Welcome back, Ada' },
			},
		],
	},
});
`;
