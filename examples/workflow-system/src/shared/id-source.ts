/** New ids for records, skipping the ids fixtures placed by hand. */
export interface IdSource {
	/** Gives a new id with this prefix (`inst`, `def`, `apr`...). */
	next(prefix: string): string;
	/** Marks an id as taken, so `next` never returns it. */
	reserve(id: string): void;
}

/**
 * Creates an id source over the host's generator. Acceptance fixtures insert records with the
 * ids the examples name (`apr-1`); reserving them keeps the sequential generator from handing
 * the same id to a record a handler creates.
 */
export function createIdSource(newId: (prefix?: string) => string): IdSource {
	const reserved = new Set<string>();
	return {
		next(prefix) {
			for (let attempt = 0; attempt < 10_000; attempt++) {
				const id = newId(prefix);
				if (!reserved.has(id)) return id;
			}
			throw new Error(`no free id with the prefix "${prefix}"`);
		},
		reserve(id) {
			reserved.add(id);
		},
	};
}
