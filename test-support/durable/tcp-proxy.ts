import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy a test can cut and restore, to lose a server while a process runs. */
export interface TcpProxy {
	readonly port: number;
	/** Drops every connection and refuses new ones. */
	cut(): Promise<void>;
	/** Accepts connections again, on the same port. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

/** Starts a proxy on a free local port forwarding to `host:port`. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
	const sockets = new Set<Socket>();
	const make = () =>
		createServer((client) => {
			const upstream = connect(port, host);
			sockets.add(client);
			sockets.add(upstream);
			client.pipe(upstream).pipe(client);
			const drop = () => {
				client.destroy();
				upstream.destroy();
				sockets.delete(client);
				sockets.delete(upstream);
			};
			client.on('error', drop).on('close', drop);
			upstream.on('error', drop).on('close', drop);
		});
	const listen = (server: Server, at: number) =>
		new Promise<number>((resolve, reject) => {
			server.once('error', reject);
			server.listen(at, '127.0.0.1', () => {
				const address = server.address();
				resolve(typeof address === 'object' && address ? address.port : at);
			});
		});
	let server = make();
	const local = await listen(server, 0);
	let open = true;
	const shut = () =>
		new Promise<void>((resolve) => {
			for (const socket of sockets) socket.destroy();
			sockets.clear();
			if (!open) return resolve();
			open = false;
			server.close(() => resolve());
		});
	return {
		port: local,
		cut: shut,
		async restore() {
			if (open) return;
			server = make();
			await listen(server, local);
			open = true;
		},
		close: shut,
	};
}
