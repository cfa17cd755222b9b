import type { AuditRecord } from '@charter/runtime';
import { createStores } from '@charter/sql';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import type { Output } from '../output/output.ts';
import { findConfigFile } from '../project/load-project.ts';

const POLL_MS = 500;

/** `charter audit tail`: the newest audit records of the project's database, optionally followed. */
export const auditCommand: Command = {
	name: 'audit',
	usage: [
		'charter audit tail [-n N] [--follow] [--operation KEY] [--principal ID] [--since ISO] [--json] [--db URL]',
		'',
		'Prints the newest N (20) audit records, oldest first: time, result, operation, principal,',
		'tenant, trace id. --follow keeps printing new records until Ctrl-C. --json prints one JSON',
		'record per line. The database is the one `charter serve` uses (--db, $CHARTER_DB).',
	].join('\n'),
	async run(args, { cwd, out }) {
		const [sub, ...rest] = args;
		if (sub !== 'tail')
			throw new UsageError('usage: charter audit tail [options]; see charter audit --help');
		const flags = parseFlags(
			rest.map((a) => (a === '-n' ? '--limit' : a)),
			{
				boolean: ['follow', 'json'],
				string: ['limit', 'operation', 'principal', 'since', 'db', 'config'],
			},
		);
		const limit = Number(flags.string.limit ?? 20);
		if (!Number.isInteger(limit) || limit < 1)
			throw new UsageError(`-n ${flags.string.limit} is not a positive whole number`);
		if (flags.string.since && Number.isNaN(Date.parse(flags.string.since))) {
			throw new UsageError(`--since ${flags.string.since} is not an ISO 8601 date`);
		}
		const root = findConfigFile(cwd).replace(/[/\\][^/\\]+$/, '');
		const url = flags.string.db ?? process.env.CHARTER_DB;
		let stores: Awaited<ReturnType<typeof createStores>>;
		try {
			stores = await createStores({ ...(url ? { url } : {}), baseDir: root });
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			if (typeof code === 'string' && code.startsWith('CHARTER_'))
				throw new UsageError((error as Error).message, code);
			throw error;
		}
		try {
			const filter = {
				...(flags.string.operation ? { operation: flags.string.operation } : {}),
				...(flags.string.principal ? { principal: flags.string.principal } : {}),
				...(flags.string.since ? { since: flags.string.since } : {}),
			};
			let last = 0;
			const print = (records: readonly AuditRecord[]) => {
				for (const record of records) {
					last = Math.max(last, (record as { seq?: number }).seq ?? last);
					if (flags.boolean.json) out.line(JSON.stringify(record));
					else out.line(formatRecord(out, record));
				}
			};
			print(await stores.audit.list({ ...filter, limit }));
			if (!flags.boolean.follow) return ExitCode.ok;
			await follow(() => stores.audit.list({ ...filter, afterSeq: last }).then(print));
			return ExitCode.ok;
		} finally {
			await stores.close();
		}
	},
};

function formatRecord(out: Output, r: AuditRecord): string {
	const ok = r.resultCode === 'OK';
	const result = (ok ? out.style.green : out.style.red)(`${r.status} ${r.resultCode}`.padEnd(28));
	const who = r.principalId ? `${r.principalId}${r.tenant ? `@${r.tenant}` : ''}` : 'anonymous';
	const replay = r.replayed ? out.style.dim(' (replayed)') : '';
	return `${out.style.dim(r.finishedAt)} ${result} ${out.style.bold(`${r.operation}@${r.version}`)} ${who}${replay} ${out.style.dim(r.traceId)}`;
}

/** Polls until SIGINT or SIGTERM. */
function follow(poll: () => Promise<void>): Promise<void> {
	return new Promise((resolve) => {
		let stopped = false;
		const stop = () => {
			stopped = true;
			resolve();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		const tick = async () => {
			if (stopped) return;
			await poll().catch(() => undefined);
			if (!stopped) setTimeout(tick, POLL_MS);
		};
		void tick();
	});
}
