import { commands } from '../commands/index.ts';
import { serverSettingsReference } from '../host/server-settings.ts';
import { CONFIG_OPTIONS } from '../project/config.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\n/g, ' ');

/**
 * Writes the CLI reference from the command table itself: each command's summary and its
 * full usage text, as `charter <name> --help` prints it.
 */
export async function cliReference(): Promise<string> {
	const out = ['| command | what it does |', '|---|---|'];
	for (const entry of commands)
		out.push(`| [\`charter ${entry.name}\`](#charter-${entry.name}) | ${cell(entry.summary)} |`);
	out.push('', 'Exit codes: 0 success, 1 findings, 2 usage or config error, 3 internal error.', '');
	for (const entry of commands) {
		const command = await entry.load();
		out.push(
			`## charter ${entry.name}`,
			'',
			entry.summary,
			'',
			'```text',
			command.usage,
			'```',
			'',
		);
	}
	return out.join('\n');
}

/** Writes the configuration reference from {@link CONFIG_OPTIONS}. */
export function configReference(): string {
	const out = ['| option | type | default | what it sets |', '|---|---|---|---|'];
	for (const [name, doc] of Object.entries(CONFIG_OPTIONS)) {
		out.push(
			`| \`${name}\` | \`${cell(doc.type)}\` | ${doc.default ?? '—'} | ${cell(doc.description)} |`,
		);
	}
	return out.join('\n');
}

/** The texts guides may include with `<!-- charter:include NAME -->`. */
export async function referenceIncludes(): Promise<Record<string, string>> {
	return {
		'cli-reference': await cliReference(),
		'config-reference': configReference(),
		'server-settings': serverSettingsReference(),
	};
}
