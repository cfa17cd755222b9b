import type { TemplateFile } from 'create-charter';

/** What `charter new` can create. */
export type ContractTemplateKind = 'command' | 'query' | 'event';

export const CONTRACT_TEMPLATE_KINDS: readonly ContractTemplateKind[] = [
	'command',
	'query',
	'event',
];

/** Gives `BillingInvoiceLineAdd` for `billing.invoice-line.add`. */
export function pascalCase(key: string): string {
	return key
		.split(/[.\-_]/)
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase() + word.slice(1))
		.join('');
}

/**
 * Gives the module for a new contract, named after its key: `billing.invoice.create` becomes
 * `billing/invoice-create.operations.ts` (events: `.events.ts`), relative to the source folder.
 * A CommonJS package gets `.mts` (`ext`), so the module loads as an ES module.
 */
export function contractTemplate(
	kind: ContractTemplateKind,
	key: string,
	ext: 'ts' | 'mts' = 'ts',
): TemplateFile {
	const [domain, ...rest] = key.split('.');
	const base = rest.length > 0 ? rest.join('-') : domain!;
	const suffix = kind === 'event' ? 'events' : 'operations';
	return {
		path: `${domain}/${base}.${suffix}.${ext}`,
		text: TEMPLATES[kind](key, pascalCase(key)),
	};
}

const model = (
	name: string,
	field: string,
	description: string,
) => `const ${name}Model = defineSchemaModel({
	name: '${name}',
	fields: {
		${field}: {
			type: ScalarTypeEnum.ID(),
			isOptional: false,
			description: '${description}',
		},
	},
});`;

const meta = (key: string, what: string) => `	meta: {
		key: '${key}',
		version: '1.0.0',
		stability: 'experimental',
		owners: ['@your-team'],
		description: 'TODO: ${what}',
		goal: 'TODO: why callers need it.',
	},`;

const TEMPLATES: Record<ContractTemplateKind, (key: string, name: string) => string> = {
	command: (key, name) => `import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand } from '@charter/spec';

${model(`${name}Input`, 'id', 'TODO: describe the input.')}

${model(`${name}Result`, 'id', 'TODO: describe the result.')}

/** TODO: say what this command changes. */
export const ${name}Command = defineCommand({
${meta(key, 'say what this command changes.')}
	io: { input: ${name}InputModel, output: ${name}ResultModel },
	policy: { auth: 'user' },
	errors: {
		NOT_FOUND: { status: 404, description: 'TODO: when this error happens.' },
	},
	acceptance: {
		scenarios: [],
		examples: [{ key: 'first-example', input: { id: 'example-1' }, output: { id: 'example-1' } }],
	},
});
`,
	query: (key, name) => `import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineQuery } from '@charter/spec';

${model(`${name}Input`, 'id', 'TODO: describe the input.')}

${model(`${name}Result`, 'id', 'TODO: describe the result.')}

/** TODO: say what this query reads. */
export const ${name}Query = defineQuery({
${meta(key, 'say what this query reads.')}
	io: { input: ${name}InputModel, output: ${name}ResultModel },
	policy: { auth: 'user' },
	acceptance: {
		scenarios: [],
		examples: [{ key: 'first-example', input: { id: 'example-1' }, output: { id: 'example-1' } }],
	},
});
`,
	event: (key, name) => `import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineEvent } from '@charter/spec';

${model(`${name}Payload`, 'id', 'TODO: describe the payload.')}

/** TODO: say what happened when this event is emitted. */
export const ${name}Event = defineEvent({
${meta(key, 'say what happened.')}
	payload: ${name}PayloadModel,
});
`,
};

/**
 * Gives the handler stub of a new command or query, beside its module: it returns the
 * example's output, so `charter test` passes until the real work is written.
 */
export function handlerTemplate(key: string, module: TemplateFile): TemplateFile {
	const name = pascalCase(key);
	const contract = `${name}${module.text.includes('defineCommand') ? 'Command' : 'Query'}`;
	const file = module.path.split('/').at(-1)!;
	return {
		path: module.path.replace(/\.operations\.(m?ts)$/, '.handler.$1'),
		text: `import { implement } from '@charter/runtime';
import { ${contract} } from './${file}';

/** Serves ${key}. */
export const ${handlerName(key)} = implement(${contract}, async (input, ctx) => {
	// Write the real work here: a command changes state through ctx.tx (the stores'
	// transaction), so it commits with its events and audit record.
	ctx.logger.debug('${key} called');
	return { id: input.id };
});
`,
	};
}

/** Gives `billingInvoiceCreateHandler` for `billing.invoice.create`. */
export function handlerName(key: string): string {
	const name = pascalCase(key);
	return `${name[0]!.toLowerCase()}${name.slice(1)}Handler`;
}
