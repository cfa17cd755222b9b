import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStudioProxy } from '@charter/studio';
import { parseFlags } from '../args.ts';
import { type Command, ExitCode, UsageError } from '../command.ts';

/** `charter studio --url <server>`: Studio on this machine, operating a running server. */
export const studioCommand: Command = {
	name: 'studio',
	usage: [
		'charter studio --url SERVER [--port N] [--host HOST]',
		'',
		'Serves Studio on this machine (http://127.0.0.1:4400/studio/ by default) against a running',
		'`charter serve`: the app comes from @charter/studio, every call (Studio API, REST, GraphQL)',
		"goes to SERVER with the browser's Authorization, so the server's roles and policies decide",
		'as for any client. Stops on Ctrl-C.',
	].join('\n'),
	async run(args, { out }) {
		const flags = parseFlags(args, { string: ['url', 'port', 'host'] });
		if (flags.positional.length > 0)
			throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
		const target = flags.string.url;
		if (!target)
			throw new UsageError('charter studio needs --url SERVER (a running charter serve)');
		let url: URL;
		try {
			url = new URL(target);
		} catch {
			throw new UsageError(`--url ${target} is not a URL (http://host:port)`);
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:')
			throw new UsageError(`--url ${target} must be http:// or https://`);
		const port = Number(flags.string.port ?? 4400);
		if (!Number.isInteger(port) || port < 0 || port > 65_535)
			throw new UsageError(`--port ${flags.string.port} is not a port number`);
		const host = flags.string.host ?? '127.0.0.1';
		const proxy = createStudioProxy({ target: url.origin });
		const server = createServer((request, response) => {
			proxy(request, response).catch((error: unknown) => {
				if (!response.headersSent) response.writeHead(500);
				response.end();
				out.error(`studio: ${(error as Error).message}`);
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, resolve);
		});
		const address = server.address() as AddressInfo;
		out.line(`Studio      http://${host}:${address.port}/studio/  ->  ${url.origin}`);
		await new Promise<void>((resolve) => {
			const stop = () => server.close(() => resolve());
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
		out.line('stopped');
		return ExitCode.ok;
	},
};
