import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The budget of the issue (#15): the client, minified and gzipped, under 10 kB. */
const BUDGET_BYTES = 10_000;

// A browser app's file that imports only `@charter/client`.
const APP = `
import { createClient, isProblem, ProblemError } from '@charter/client';
export const client = createClient([], { baseUrl: '/api', timeoutMs: 10_000 });
export { isProblem, ProblemError };
`;

describe('the browser bundle of @charter/client', () => {
	it('builds for the browser with no error and no Node built-in, under 10 kB min+gzip', async () => {
		const result = await build({
			stdin: {
				contents: APP,
				resolveDir: fileURLToPath(new URL('..', import.meta.url)),
				loader: 'ts',
			},
			bundle: true,
			minify: true,
			format: 'esm',
			platform: 'browser',
			write: false,
			metafile: true,
			logLevel: 'silent',
			// Charter's TypeScript sources, as every test uses (docs/adr/0003), not a build.
			conditions: ['@charter/source'],
		});
		expect(result.errors).toEqual([]);
		const imports = Object.values(result.metafile.inputs).flatMap((input) =>
			input.imports.map((i) => i.path),
		);
		expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
		const code = result.outputFiles[0]!.contents;
		const gzipped = gzipSync(code, { level: 9 }).byteLength;
		console.log(
			`@charter/client browser bundle: ${code.byteLength} B minified, ${gzipped} B min+gzip (budget ${BUDGET_BYTES} B)`,
		);
		expect(gzipped).toBeLessThan(BUDGET_BYTES);
	});
});
