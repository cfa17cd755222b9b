import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { KEY_PATTERN } from '@charter/spec';
import { glob } from 'tinyglobby';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { findConfigFileOrNone, loadConfig } from '../project/load-project.ts';
import { moduleExtensionAt } from '../project/module-extension.ts';
import {
	CONTRACT_TEMPLATE_KINDS,
	type ContractTemplateKind,
	contractTemplate,
	handlerName,
	handlerTemplate,
} from '../templates/contract-template.ts';
import { wireHandler } from '../templates/wire-handler.ts';

/** `charter new`: writes a contract module from a template, and a command's or query's handler stub. */
export const newCommand: Command = {
	name: 'new',
	usage: [
		'charter new command|query|event <key> [--dir DIR] [--json]',
		'',
		'The key is dotted lowercase (billing.invoice.create). The module goes to',
		'<project>/src/<first segment>/<other segments>.operations.ts (events: .events.ts;',
		'.mts in a CommonJS package, as charter init writes),',
		'or into DIR when given. A command or query also gets its handler stub beside it',
		"(<name>.handler.ts), added to the bindings of the config's `handlers` module when",
		'that module lists them in `bindings: [`. An existing file is never overwritten.',
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
		const configFile = findConfigFileOrNone(cwd);
		const root = configFile ? dirname(configFile) : cwd;
		const template = contractTemplate(kind as ContractTemplateKind, key, moduleExtensionAt(root));
		const path = flags.string.dir
			? join(resolve(cwd, flags.string.dir), template.path.split('/').at(-1)!)
			: join(root, 'src', template.path);
		const shown = relative(cwd, path);
		const stub = kind === 'event' ? undefined : handlerTemplate(key, template);
		const stubPath = stub && join(dirname(path), stub.path.split('/').at(-1)!);
		for (const file of [path, stubPath]) {
			if (file && existsSync(file)) {
				throw new UsageError(
					`${relative(cwd, file)} already exists; nothing was written`,
					'CHARTER_NEW_EXISTS',
				);
			}
		}
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, template.text);
		if (stub && stubPath) writeFileSync(stubPath, stub.text);
		const config = configFile ? await loadConfig(configFile) : undefined;
		const matched = configFile && config ? matchedByConfig(configFile, config, path) : undefined;
		const wired =
			stubPath && configFile && config?.handlers
				? wireInto(resolve(dirname(configFile), config.handlers), key, stubPath)
				: undefined;
		const shownStub = stubPath && relative(cwd, stubPath);
		if (flags.boolean.json) {
			out.json({
				kind,
				key,
				file: shown,
				...(shownStub ? { handler: shownStub } : {}),
				...(wired ? { wiredInto: relative(cwd, wired) } : {}),
				...(matched === undefined ? {} : { matched: await matched }),
			});
			return ExitCode.ok;
		}
		out.line(shown);
		if (shownStub) out.line(shownStub);
		if ((await matched) === false) {
			out.error(
				`${out.style.yellow('warning')} ${shown} is not matched by \`contracts\` in ${relative(cwd, configFile!)}; add a glob for it`,
			);
		}
		if (shownStub && !wired) {
			out.error(
				`${out.style.yellow('note')} add ${handlerName(key)} (from ${shownStub}) to your app's bindings`,
			);
		}
		return ExitCode.ok;
	},
};

/** Adds the stub to the app's bindings; gives the app module's path when it did. */
function wireInto(app: string, key: string, stub: string): string | undefined {
	if (!existsSync(app)) return undefined;
	let from = relative(dirname(app), stub).split(sep).join('/');
	if (!from.startsWith('.')) from = `./${from}`;
	const wired = wireHandler(readFileSync(app, 'utf8'), handlerName(key), from);
	if (wired === undefined) return undefined;
	writeFileSync(app, wired);
	return app;
}

/** Tells whether the project's contract globs pick up the new module. */
async function matchedByConfig(
	configFile: string,
	config: Awaited<ReturnType<typeof loadConfig>>,
	path: string,
): Promise<boolean> {
	const root = dirname(configFile);
	const files = await glob([...config.contracts], { cwd: root, ignore: ['**/node_modules/**'] });
	const target = relative(root, path).split(sep).join('/');
	return files.some((file) => file.split(sep).join('/') === target);
}
