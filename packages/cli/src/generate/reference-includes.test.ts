import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { CONFIG_OPTIONS } from '../project/config.ts';
import { cliReference, configReference } from './reference-includes.ts';

describe('the generated references', () => {
	it('list every command with its summary and its whole usage text', async () => {
		const text = await cliReference();
		for (const entry of commands) {
			expect(text).toContain(`## charter ${entry.name}`);
			expect(text).toContain((await entry.load()).usage);
		}
	});

	it('list every configuration option', () => {
		const text = configReference();
		for (const name of Object.keys(CONFIG_OPTIONS)) expect(text).toContain(`| \`${name}\` |`);
		expect(Object.keys(CONFIG_OPTIONS)).toContain('guides');
	});
});
