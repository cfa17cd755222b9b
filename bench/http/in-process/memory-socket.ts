import { Duplex } from 'node:stream';

/**
 * A socket in memory for a node:http server: requests are pushed in as raw HTTP/1.1 bytes,
 * and each response's status line is reported as it is written. Enough of `net.Socket` for
 * the server; no kernel, so a run measures the JavaScript side of HTTP alone.
 */
export class MemorySocket extends Duplex {
	readonly remoteAddress = '127.0.0.1';
	readonly remotePort = 50_000;
	readonly encrypted = false;
	/** Called with the status code of every response head the server writes. */
	onResponse: (status: number) => void = () => {};

	override _read(): void {}

	override _write(chunk: Buffer, _encoding: string, done: () => void): void {
		this.#inspect(chunk);
		done();
	}

	override _writev(chunks: { chunk: Buffer }[], done: () => void): void {
		for (const { chunk } of chunks) this.#inspect(chunk);
		done();
	}

	#inspect(chunk: Buffer): void {
		// A response head starts a chunk: `HTTP/1.1 200 OK`.
		if (chunk.length > 12 && chunk.toString('latin1', 0, 9) === 'HTTP/1.1 ') {
			this.onResponse(Number(chunk.toString('latin1', 9, 12)));
		}
	}

	setTimeout(): this {
		return this;
	}
	setNoDelay(): this {
		return this;
	}
	setKeepAlive(): this {
		return this;
	}
	destroySoon(): void {
		this.destroy();
	}
}
