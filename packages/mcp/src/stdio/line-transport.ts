import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
	ErrorCode,
	type JSONRPCMessage,
	JSONRPCMessageSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { type EnvelopeRefusal, parseEnvelope } from '../server/message-envelope.ts';

const NEWLINE = 0x0a;

/**
 * MCP over stdio, one JSON-RPC message per line, that keeps serving whatever a client sends.
 * A line over `maxLineBytes` is dropped as it arrives (never buffered whole) and answered with
 * -32600; text that is not JSON, batches and non-JSON-RPC messages get their JSON-RPC error.
 * (The SDK's transport closes on a line over 10 MiB, which ends the process, and answers
 * nothing to a batch.)
 */
export class LineTransport implements Transport {
	onclose?: () => void;
	onerror?: (error: Error) => void;
	onmessage?: (message: JSONRPCMessage) => void;
	private pending: Buffer[] = [];
	private size = 0;
	/** Inside a line past the limit: its bytes are dropped until its newline. */
	private skipping = false;

	constructor(
		private readonly stdin: NodeJS.ReadableStream,
		private readonly stdout: NodeJS.WritableStream,
		private readonly maxLineBytes: number,
	) {}

	async start(): Promise<void> {
		this.stdin.on('data', this.onData);
		this.stdin.on('error', this.onStreamError);
	}

	send(message: JSONRPCMessage): Promise<void> {
		return new Promise((resolve) => {
			if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
			else this.stdout.once('drain', resolve);
		});
	}

	async close(): Promise<void> {
		this.stdin.off('data', this.onData);
		this.stdin.off('error', this.onStreamError);
		this.pending = [];
		this.size = 0;
		this.onclose?.();
	}

	private readonly onStreamError = (error: Error) => this.onerror?.(error);

	private readonly onData = (chunk: Buffer | string) => {
		const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		let start = 0;
		for (;;) {
			const newline = data.indexOf(NEWLINE, start);
			const end = newline === -1 ? data.length : newline;
			if (!this.skipping) {
				if (this.size + (end - start) > this.maxLineBytes) {
					this.skipping = true;
					this.pending = [];
					this.size = 0;
					this.refuse({
						code: ErrorCode.InvalidRequest,
						message: `Invalid Request: the message exceeds ${this.maxLineBytes} bytes`,
					});
				} else if (end > start) {
					this.pending.push(data.subarray(start, end));
					this.size += end - start;
				}
			}
			if (newline === -1) return;
			const line = this.skipping ? '' : Buffer.concat(this.pending).toString('utf8');
			this.skipping = false;
			this.pending = [];
			this.size = 0;
			try {
				this.receive(line.replace(/\r$/, ''));
			} catch (error) {
				this.onerror?.(error as Error);
			}
			start = newline + 1;
		}
	};

	private receive(line: string): void {
		if (line.trim() === '') return;
		const parsed = parseEnvelope(line);
		const message =
			'refusal' in parsed ? undefined : JSONRPCMessageSchema.safeParse(parsed.message);
		if (message?.success) this.onmessage?.(message.data);
		else
			this.refuse(
				'refusal' in parsed
					? parsed.refusal
					: {
							code: ErrorCode.InvalidRequest,
							message: 'Invalid Request: not a JSON-RPC 2.0 message',
						},
			);
	}

	private refuse(refusal: EnvelopeRefusal): void {
		void this.send({ jsonrpc: '2.0', id: null, error: refusal } as unknown as JSONRPCMessage);
	}
}
