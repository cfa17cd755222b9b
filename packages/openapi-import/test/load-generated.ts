import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	type ContractRegistry,
	createRegistry,
	isOperationSpec,
	type OperationSpec,
} from '@charter/spec';

/** Lists the files under a directory, recursively. */
export function listFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? listFiles(path) : [path];
	});
}

/** Imports every generated operations module under a directory into a registry. */
export async function loadGenerated(dir: string): Promise<ContractRegistry> {
	const specs: OperationSpec[] = [];
	for (const file of listFiles(dir)
		.filter((f) => f.endsWith('.operations.ts'))
		.sort()) {
		const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
		for (const value of Object.values(module)) if (isOperationSpec(value)) specs.push(value);
	}
	return createRegistry(specs);
}
