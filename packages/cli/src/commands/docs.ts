import { serveDocs } from '@charter/docs';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';
import { buildProjectSite } from '../generate/project-site.ts';
import { waitForSignal } from '../host/wait-for-signal.ts';
import { loadProjectOrFail, reportDiagnostics } from '../project/project-command.ts';

/** `charter docs`: builds the docs site in memory and serves it at /docs until interrupted. */
export const docsCommand: Command = {
	name: 'docs',
	usage: [
		'charter docs [--port N] [--host HOST] [--config FILE]',
		'',
		'Builds the docs site from the contracts and serves it (4400 by default; 0 picks a free',
		'port). Nothing leaves the machine: every asset is local. Stop with Ctrl-C.',
	].join('\n'),
	async run(args, { cwd, out }) {
		const flags = parseFlags(args, { string: ['port', 'host', 'config'] });
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const port = Number(flags.string.port ?? '4400');
		if (!Number.isInteger(port) || port < 0 || port > 65535) {
			throw new UsageError(`--port ${flags.string.port} is not a port number (0-65535)`);
		}
		const project = await loadProjectOrFail(cwd, flags.string.config);
		reportDiagnostics(out, project.diagnostics);
		const server = await serveDocs(await buildProjectSite(project), {
			port,
			host: flags.string.host ?? '127.0.0.1',
		}).catch((error: Error) => {
			throw new UsageError(`cannot listen on port ${port}: ${error.message}`, 'CHARTER_LISTEN');
		});
		out.line(`docs at ${server.url} (Ctrl-C to stop)`);
		await waitForSignal();
		await server.close();
		return ExitCode.ok;
	},
};
