import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('the browser bundle', () => {
	it('bundles for the browser with no Node built-in, Ajv and the client included', async () => {
		const result = await build({
			entryPoints: [ENTRY],
			bundle: true,
			format: 'esm',
			platform: 'browser',
			jsx: 'automatic',
			write: false,
			metafile: true,
			logLevel: 'silent',
			// Charter's TypeScript sources, as every test uses (docs/adr/0003), not a build.
			conditions: ['@charter/source'],
			external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/*'],
		});
		const inputs = Object.keys(result.metafile.inputs);
		const imports = Object.values(result.metafile.inputs).flatMap((input) =>
			input.imports.map((i) => i.path),
		);
		expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
		// The server side of @charter/rest and the runtime's drivers stay out.
		expect(
			inputs.filter((path) =>
				/rest\/src\/(node|router|openapi)|runtime\/src\/(stores|bus)/.test(path),
			),
		).toEqual([]);
		expect(inputs.some((path) => path.includes('client/src/create-client.ts'))).toBe(true);
		expect(inputs.some((path) => path.includes('node_modules/ajv/'))).toBe(true);
	});
});
