/**
 * One versioned schema change. Versions of one scope run in ascending order, once. `Context` is
 * what the store that runs it hands to `up` (`@charter/sql`: the transaction, dialect and tables).
 */
export interface Migration<Context = unknown> {
	readonly version: number;
	readonly name: string;
	up(ctx: Context): Promise<void>;
}

/**
 * A named set of migrations: Charter's own scope is `charter`; an app declares its own (e.g.
 * `workflow`) in `defineApp({ migrations })`. The core only carries them; SQL stores run them.
 */
export interface MigrationSet<Context = unknown> {
	readonly scope: string;
	readonly migrations: readonly Migration<Context>[];
}
