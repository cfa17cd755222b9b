import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { importOpenApi, OpenApiImportError, renderReport } from '@charter/openapi-import';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { findConfigFile } from '../project/load-project.ts';
import { moduleExtensionAt } from '../project/module-extension.ts';

/** `charter openapi import`: contracts from an existing OpenAPI description. */
export const openapiCommand: Command = {
	name: 'openapi',
	usage: [
		'charter openapi import <file> --out <dir> [--force] [--report FILE] [--json]',
		'',
		'Writes one models/<name>.schema.ts per schema and one <group>/<group>.operations.ts per',
		'tag (or first path segment; a tag of more than 30 operations is split by resource), with',
		'the real methods, paths, parameters, bodies, responses, errors and security; identical',
		'types are declared once. Files edited since they were generated are never overwritten',
		'without --force. Prints a report of what could not be represented exactly, with JSON paths;',
		'--report writes all of it as JSON. Without a charter.config.ts here or above, it writes one',
		"here whose contracts are the imported ones, with unimplemented: '501': `charter serve` then",
		'serves every operation at once, each answering 501 until a handler is bound.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { boolean: ['force', 'json'], string: ['out', 'report'] });
		const [sub, file, ...rest] = flags.positional;
		if (sub !== 'import') {
			throw new UsageError(
				`unknown subcommand ${JSON.stringify(sub ?? '')}: use \`charter openapi import <file> --out <dir>\``,
			);
		}
		if (!file)
			throw new UsageError('name the OpenAPI file: `charter openapi import <file> --out <dir>`');
		if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
		if (!flags.string.out)
			throw new UsageError('--out <dir> is required: where the contract files go');
		const tty = Boolean(process.stderr.isTTY) && !flags.boolean.json;
		const onProgress = tty ? progressWriter(process.stderr) : undefined;
		let result: Awaited<ReturnType<typeof importOpenApi>>;
		try {
			result = await importOpenApi({
				file: resolve(cwd, file),
				outDir: resolve(cwd, flags.string.out),
				// In a CommonJS package the modules end in .mts, so they load as ES modules.
				extension: moduleExtensionAt(resolve(cwd, flags.string.out)),
				force: flags.boolean.force === true,
				...(onProgress ? { onProgress } : {}),
			});
		} catch (error) {
			if (tty) process.stderr.write('\r\x1b[2K');
			if (error instanceof OpenApiImportError) throw new UsageError(error.message, error.code);
			throw error;
		}
		if (flags.string.report) {
			writeFileSync(
				resolve(cwd, flags.string.report),
				`${JSON.stringify(result.report, null, 2)}\n`,
			);
		}
		if (flags.boolean.json) {
			const config = writeConfigIfMissing(cwd, flags.string.out, result.title);
			out.json({
				...(config ? { config } : {}),
				operations: result.operations,
				models: result.models,
				written: result.written,
				unchanged: result.unchanged,
				stale: result.stale,
				report: result.report,
			});
			return ExitCode.ok;
		}
		const config = writeConfigIfMissing(cwd, flags.string.out, result.title);
		const { style } = out;
		out.line(
			`${style.green('imported')} ${result.operations} operations and ${result.models} models into ${flags.string.out}: ${result.written.length} files written, ${result.unchanged.length} unchanged`,
		);
		if (result.stale.length > 0) {
			out.line(
				style.yellow(
					`${result.stale.length} file(s) from an earlier import are no longer generated (left in place): ${result.stale.join(', ')}`,
				),
			);
		}
		if (config) {
			out.line(
				`wrote ${config}: \`charter serve\` serves every operation now, answering 501 until it has a handler`,
			);
		}
		out.line('');
		out.line(style.bold(`Import report (${result.report.length} adjustments):`));
		out.line(renderReport(result.report));
		return ExitCode.ok;
	},
};

/**
 * Writes `charter.config.ts` (`.mts` in a CommonJS package) in `cwd` when no config is found
 * there or above: its contracts are the imported operations, and operations without a handler
 * answer 501. Returns the file name written, or undefined when a config already exists.
 */
function writeConfigIfMissing(cwd: string, outDir: string, title: string): string | undefined {
	try {
		findConfigFile(cwd);
		return undefined;
	} catch {
		const name = `charter.config.${moduleExtensionAt(cwd)}`;
		const modules = moduleExtensionAt(resolve(cwd, outDir));
		const glob = `${relative(cwd, resolve(cwd, outDir)).split(sep).join('/') || '.'}/**/*.operations.${modules}`;
		writeFileSync(join(cwd, name), importedConfigSource(title, glob));
		return name;
	}
}

/** The config an import writes: the imported contracts, served at once with 501 answers. */
export function importedConfigSource(title: string, contractsGlob: string): string {
	const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
	return [
		"import { defineConfig } from '@charter/cli';",
		'',
		'export default defineConfig({',
		`\ttitle: ${quote(title)},`,
		`\tcontracts: [${quote(contractsGlob)}],`,
		"\tunimplemented: '501',",
		'});',
		'',
	].join('\n');
}

/**
 * Creates a progress indicator that rewrites one stderr line (`importing operations 120/1223`),
 * at most every 50 ms, and clears it when done. Only for a TTY: logs and pipes get nothing.
 */
export function progressWriter(
	stream: { readonly isTTY?: boolean; write(text: string): unknown },
	now: () => number = Date.now,
): ((done: number, total: number) => void) | undefined {
	if (!stream.isTTY) return undefined;
	let last = Number.NEGATIVE_INFINITY;
	return (done, total) => {
		const time = now();
		if (time - last < 50 && done < total) return;
		last = time;
		stream.write(`\r\x1b[2Kimporting operations ${done}/${total}`);
		if (done === total) stream.write('\r\x1b[2K');
	};
}
