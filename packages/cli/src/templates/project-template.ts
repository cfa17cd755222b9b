/** One file `charter init` writes: path relative to the project folder, and its text. */
export interface TemplateFile {
	readonly path: string;
	readonly text: string;
}

/** Gives the files of a new project: config, package.json, tsconfig and a sample contract module. */
export function projectTemplate(name: string, charterVersion: string): TemplateFile[] {
	const range = `^${charterVersion}`;
	const json = (value: unknown) => `${JSON.stringify(value, null, '\t')}\n`;
	return [
		{
			path: 'charter.config.ts',
			text: `import { defineConfig } from '@charter/cli';

export default defineConfig({
	title: '${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}',
	contracts: ['src/**/*.operations.ts', 'src/**/*.events.ts'],
	lockfile: 'contracts.lock.json',
	handlers: 'src/handlers.ts',
});
`,
		},
		{
			path: 'package.json',
			text: json({
				name,
				version: '0.1.0',
				private: true,
				type: 'module',
				scripts: {
					contracts: 'charter list',
					snapshot: 'charter snapshot',
					'snapshot:check': 'charter snapshot --check',
					doctor: 'charter doctor',
					serve: 'charter serve',
					test: 'charter test',
				},
				dependencies: {
					'@charter/cli': range,
					'@charter/runtime': range,
					'@charter/schema': range,
					'@charter/spec': range,
				},
			}),
		},
		{ path: 'tsconfig.json', text: TSCONFIG },
		{ path: 'src/hello/hello.operations.ts', text: HELLO_OPERATIONS },
		{ path: 'src/handlers.ts', text: HANDLERS },
	];
}

const HANDLERS = `import { ContractError, defineApp, implement } from '@charter/runtime';
import { GetGreetingQuery, SetGreetingCommand } from './hello/hello.operations.ts';

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

const TSCONFIG = `{
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
	"include": ["src", "charter.config.ts"]
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
