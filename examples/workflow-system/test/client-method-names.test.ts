import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateClientSdk } from '@charter/rest';
import { createClient } from '@charter/rest/client';
import { clientMethodPath } from '@charter/spec';
import { afterAll, expect, test } from 'vitest';
import { methodPaths } from '../../../test-support/client-method-paths.ts';
import { linkedTempFolder } from '../../../test-support/temp-folder.ts';
import { workflowRegistry } from './load-contracts.ts';

const folder = linkedTempFolder('charter-example-sdk-');
afterAll(() => folder.remove());

test("the typed client and the generated SDK name the example's methods alike", async () => {
	const registry = await workflowRegistry();
	const specs = registry.operations().map(({ spec }) => spec);
	const typed = methodPaths(createClient(specs, { baseUrl: 'http://127.0.0.1:1' }));

	const file = join(folder.dir, 'client.ts');
	writeFileSync(file, generateClientSdk(registry));
	const sdk = (await import(file)) as { createApiClient(options: { baseUrl: string }): object };
	const generated = methodPaths(sdk.createApiClient({ baseUrl: 'http://127.0.0.1:1' }));

	expect(generated).toEqual(typed);
	expect(typed).toEqual(specs.map((spec) => clientMethodPath(spec).join('.')).sort());
	expect(typed).toContain('workflow.instance.pause');
});
