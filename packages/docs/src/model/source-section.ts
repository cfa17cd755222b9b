// The source section of a contract page: the contract's own definition cut out of its file.
import type { RegistryEntry } from '@charter/spec';
import { indexDefinitions, withoutInternalComments } from '../highlight/ts-tokenizer.ts';
import type { SourceSection } from './page-model.ts';

/**
 * Creates a lookup of a contract's source section, or undefined when its file's text was not
 * given. Each file's definitions are indexed once, on first use.
 */
export function createSourceLookup(
	sources: Readonly<Record<string, string>> | undefined,
): (entry: RegistryEntry) => SourceSection | undefined {
	const definitions = new Map<string, Map<string, string>>();
	return (entry) => {
		const text = entry.file ? sources?.[entry.file] : undefined;
		if (!entry.file || text === undefined) return undefined;
		let found = definitions.get(entry.file);
		if (!found) {
			found = indexDefinitions(text);
			definitions.set(entry.file, found);
		}
		return {
			file: entry.file,
			...(entry.exportName ? { exportName: entry.exportName } : {}),
			code: withoutInternalComments((entry.exportName && found.get(entry.exportName)) || text),
		};
	};
}
