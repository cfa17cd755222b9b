// Compares two lists: their item-count bounds, then their item types.
import type { ArrayNode } from '@charter/schema';
import { reportKeyword } from './change-report.ts';
import type { TypeChangeSink, TypeWalk } from './type-change.ts';

/** Reports changed `minItems` and `maxItems`, then walks the item types under `path[*]`. */
export function walkArray(
	a: ArrayNode,
	b: ArrayNode,
	path: string,
	sink: TypeChangeSink,
	seen: Set<string>,
	walk: TypeWalk,
) {
	reportKeyword('minItems', a.minItems, b.minItems, path, sink);
	reportKeyword('maxItems', a.maxItems, b.maxItems, path, sink);
	walk(a.items, b.items, `${path}[*]`, sink, seen);
}
