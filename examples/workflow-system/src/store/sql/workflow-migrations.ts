import type { MigrationSet, TableNames } from '@charter/sql';
import type { WorkflowDatabase } from './workflow-database.ts';

/** Where version 1 put the workflow tables: beside Charter's (same prefix, `wf_` after it). */
interface WorkflowTables {
	readonly definitions: string;
	readonly instances: string;
	readonly history: string;
	readonly requests: string;
	readonly comments: string;
}

/** Gives the version-1 names of the workflow tables beside the given Charter tables. */
function workflowTables(charter: TableNames): WorkflowTables {
	const prefix = `${charter.migrations.slice(0, -'migrations'.length)}wf_`;
	return {
		definitions: `${prefix}definitions`,
		instances: `${prefix}instances`,
		history: `${prefix}history`,
		requests: `${prefix}requests`,
		comments: `${prefix}comments`,
	};
}

/** The tables by their names in {@link WorkflowDatabase}, and what version 1 called them. */
const RENAMES: readonly [keyof WorkflowTables, keyof WorkflowDatabase][] = [
	['definitions', 'wf_definitions'],
	['instances', 'wf_instances'],
	['history', 'wf_history'],
	['requests', 'wf_requests'],
	['comments', 'wf_comments'],
];

/**
 * The workflow system's tables, registered with the SQL stores (`defineSqlApp({ migrations })`).
 * Each record is kept whole as JSON in `data`; the columns beside it are what queries filter
 * and sort on. Same DDL on SQLite and PostgreSQL. Version 2 gives them the names
 * {@link WorkflowDatabase} declares, so queries are typed.
 */
export const workflowMigrations: MigrationSet = {
	scope: 'workflow-system',
	migrations: [
		{
			version: 1,
			name: 'definitions, instances, history, approval requests and comments',
			async up({ db, tables }) {
				const t = workflowTables(tables);
				await db.schema
					.createTable(t.definitions)
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('organization_id', 'text', (c) => c.notNull())
					.addColumn('key', 'text', (c) => c.notNull())
					.addColumn('version', 'integer', (c) => c.notNull())
					.addColumn('status', 'text', (c) => c.notNull())
					.addColumn('data', 'text', (c) => c.notNull())
					.addUniqueConstraint(`${t.definitions}_version`, ['organization_id', 'key', 'version'])
					.execute();
				await db.schema
					.createTable(t.instances)
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('organization_id', 'text', (c) => c.notNull())
					.addColumn('definition_key', 'text', (c) => c.notNull())
					.addColumn('status', 'text', (c) => c.notNull())
					.addColumn('started_by', 'text', (c) => c.notNull())
					.addColumn('current_step_key', 'text')
					.addColumn('created_at', 'text', (c) => c.notNull())
					.addColumn('revision', 'integer', (c) => c.notNull())
					.addColumn('data', 'text', (c) => c.notNull())
					.execute();
				await db.schema
					.createIndex(`${t.instances}_org_created`)
					.on(t.instances)
					.columns(['organization_id', 'created_at'])
					.execute();
				await db.schema
					.createTable(t.history)
					.addColumn('instance_id', 'text', (c) => c.notNull())
					.addColumn('sequence', 'integer', (c) => c.notNull())
					.addColumn('data', 'text', (c) => c.notNull())
					.addPrimaryKeyConstraint(`${t.history}_pk`, ['instance_id', 'sequence'])
					.execute();
				await db.schema
					.createTable(t.requests)
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('organization_id', 'text', (c) => c.notNull())
					.addColumn('instance_id', 'text', (c) => c.notNull())
					.addColumn('step_key', 'text', (c) => c.notNull())
					.addColumn('assignee_id', 'text', (c) => c.notNull())
					.addColumn('status', 'text', (c) => c.notNull())
					.addColumn('ordinal', 'integer', (c) => c.notNull())
					.addColumn('data', 'text', (c) => c.notNull())
					.execute();
				await db.schema
					.createIndex(`${t.requests}_instance`)
					.on(t.requests)
					.columns(['instance_id', 'ordinal'])
					.execute();
				await db.schema
					.createIndex(`${t.requests}_assignee`)
					.on(t.requests)
					.columns(['organization_id', 'assignee_id', 'status'])
					.execute();
				await db.schema
					.createTable(t.comments)
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('request_id', 'text', (c) => c.notNull())
					.addColumn('ordinal', 'integer', (c) => c.notNull())
					.addColumn('data', 'text', (c) => c.notNull())
					.execute();
			},
		},
		{
			version: 2,
			name: 'the tables under the names WorkflowDatabase declares (wf_*)',
			async up({ db, tables }) {
				const t = workflowTables(tables);
				for (const [from, to] of RENAMES) {
					if (t[from] !== to) await db.schema.alterTable(t[from]).renameTo(to).execute();
				}
			},
		},
	],
};
