import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { KEY_PATTERN } from '@charter/spec';
import { glob } from 'tinyglobby';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { findConfigFile, loadConfig } from '../project/load-project.ts';
import {
	CONTRACT_TEMPLATE_KINDS,
	type ContractTemplateKind,
	contractTemplate,
} from '../templates/contract-template.ts';

/** `charter new`: writes a contract module from a template. */
export const newCommand: Command = {
	name: 'new',
	usage: [
		'charter new command|query|event <key> [--dir DIR] [--json]',
		'',
		'The key is dotted lowercase (billing.invoice.create). The module goes to',
		'<project>/src/<first segment>/<other segments>.operations.ts (events: .events.ts),',
		'or into DIR when given. An existing file is never overwritten.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['json'], string: ['dir'] });
		const [kind, key, ...extra] = flags.positional;
		if (kind === undefined || !CONTRACT_TEMPLATE_KINDS.includes(kind as ContractTemplateKind)) {
			throw new UsageError(
				`${kind === undefined ? 'missing kind' : `unknown kind "${kind}"`}: charter new command|query|event <key>`,
			);
		}
		if (key === undefined) throw new UsageError(`missing key: charter new ${kind} <key>`);
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
		if (!KEY_PATTERN.test(key)) {
			throw new UsageError(
				`"${key}" is not a valid key: use dotted lowercase segments like "billing.invoice.create"`,
				'CHARTER_INVALID_KEY',
			);
		}
		const template = contractTemplate(kind as ContractTemplateKind, key);
		const configFile = findConfigFileOrNone(cwd);
		const root = configFile ? dirname(configFile) : cwd;
		const path = flags.string.dir
			? join(resolve(cwd, flags.string.dir), template.path.split('/').at(-1)!)
			: join(root, 'src', template.path);
		const shown = relative(cwd, path);
		if (existsSync(path)) {
			throw new UsageError(`${shown} already exists; nothing was written`, 'CHARTER_NEW_EXISTS');
		}
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, template.text);
		const matched = configFile ? await matchedByConfig(configFile, path) : undefined;
		if (flags.boolean.json) {
			out.json({ kind, key, file: shown, ...(matched === undefined ? {} : { matched }) });
			return ExitCode.ok;
		}
		out.line(shown);
		if (matched === false) {
			out.error(
				`${out.style.yellow('warning')} ${shown} is not matched by \`contracts\` in ${relative(cwd, configFile!)}; add a glob for it`,
			);
		}
		return ExitCode.ok;
	},
};

function findConfigFileOrNone(cwd: string): string | undefined {
	try {
		return findConfigFile(cwd);
	} catch (error) {
		if (error instanceof UsageError) return undefined;
		throw error;
	}
}

/** Tells whether the project's contract globs pick up the new module. */
async function matchedByConfig(configFile: string, path: string): Promise<boolean> {
	const root = dirname(configFile);
	const config = await loadConfig(configFile);
	const files = await glob([...config.contracts], { cwd: root, ignore: ['**/node_modules/**'] });
	const target = relative(root, path).split(sep).join('/');
	return files.some((file) => file.split(sep).join('/') === target);
}
