import type { AuditRecord, InputShape } from '../audit-store.ts';

/*
 * The memory audit log's ring, kept in columns rather than as one object per record. Thousands
 * of record objects (each with its id, digest, trace id and two timestamps as strings) outlive
 * the young generation, so every record was copied by the scavenger, promoted, and later
 * traced by full collections: under load that cost more than the rest of a command together.
 * Here the ids, digests and trace ids (when of their usual hex shapes) are packed as bytes into
 * buffers outside the JS heap; the other fields are references to strings that are already
 * shared (operation, version, principal...) or small (a timestamp from the pipeline is one
 * cell joining its second's text to a prebuilt suffix). A value of another shape is kept as is.
 */

/**
 * A column of lowercase hex strings of one length (a SHA-256 digest, a trace id), or of UUIDs
 * (hex with dashes at fixed places), packed as bytes.
 */
class HexColumn {
	readonly #bytes: Buffer;
	readonly #others: (string | undefined)[];

	constructor(
		capacity: number,
		/** Bytes per value. */
		private readonly width: number,
		/** Where a UUID puts its dashes, as hex digit positions. */
		private readonly dashes: readonly number[] = [],
	) {
		this.#bytes = Buffer.alloc(capacity * width);
		this.#others = new Array(capacity);
	}

	set(slot: number, text: string): void {
		this.#others[slot] = this.#pack(slot, text) ? undefined : text;
	}

	/** Packs `text` into the slot's bytes; false when it does not have the column's shape. */
	#pack(slot: number, text: string): boolean {
		if (text.length !== this.width * 2 + this.dashes.length) return false;
		let read = 0;
		let dash = 0;
		for (let i = 0, at = slot * this.width; i < this.width; i++, at++) {
			if (read === this.dashes[dash]! + dash) {
				if (text.charCodeAt(read) !== DASH) return false;
				read++;
				dash++;
			}
			const high = nibble(text.charCodeAt(read));
			const low = nibble(text.charCodeAt(read + 1));
			if (high < 0 || low < 0) return false;
			this.#bytes[at] = (high << 4) | low;
			read += 2;
		}
		return true;
	}

	get(slot: number): string {
		const other = this.#others[slot];
		if (other !== undefined) return other;
		const hex = this.#bytes.toString('hex', slot * this.width, (slot + 1) * this.width);
		if (this.dashes.length === 0) return hex;
		let text = '';
		let from = 0;
		for (const dash of this.dashes) {
			text += `${hex.slice(from, dash)}-`;
			from = dash;
		}
		return text + hex.slice(from);
	}
}

const DASH = 0x2d;

/** The value of a lowercase hex digit, or -1 for any other character. */
function nibble(code: number): number {
	if (code >= 0x30 && code <= 0x39) return code - 0x30;
	if (code >= 0x61 && code <= 0x66) return code - 0x57;
	return -1;
}

/** A fixed number of audit record slots, in columns. */
export class AuditColumns {
	readonly #id: HexColumn;
	readonly #inputDigest: HexColumn;
	readonly #traceId: HexColumn;
	readonly #status: Uint16Array;
	readonly #replayed: Uint8Array;
	/** Fields kept by reference: strings and lists the records share with their plans. */
	readonly #operation: string[];
	readonly #version: string[];
	readonly #resultCode: string[];
	/** Timestamps from the pipeline share their second's text: each costs one small cell. */
	readonly #startedAt: string[];
	readonly #finishedAt: string[];
	readonly #records: (readonly string[])[];
	readonly #principalId: (string | undefined)[];
	readonly #tenant: (string | undefined)[];
	readonly #idempotencyKey: (string | undefined)[];
	readonly #callerTraceId: (string | undefined)[];
	/** Its pointers and enum values are the plan's strings; only the lists are the record's. */
	readonly #inputShape: (InputShape | undefined)[];

	constructor(capacity: number) {
		this.#id = new HexColumn(capacity, 16, [8, 12, 16, 20]);
		this.#inputDigest = new HexColumn(capacity, 32);
		this.#traceId = new HexColumn(capacity, 16);
		this.#status = new Uint16Array(capacity);
		this.#replayed = new Uint8Array(capacity);
		this.#operation = new Array(capacity);
		this.#version = new Array(capacity);
		this.#resultCode = new Array(capacity);
		this.#startedAt = new Array(capacity);
		this.#finishedAt = new Array(capacity);
		this.#records = new Array(capacity);
		this.#principalId = new Array(capacity);
		this.#tenant = new Array(capacity);
		this.#idempotencyKey = new Array(capacity);
		this.#callerTraceId = new Array(capacity);
		this.#inputShape = new Array(capacity);
	}

	write(slot: number, record: AuditRecord): void {
		this.#id.set(slot, record.id);
		this.#inputDigest.set(slot, record.inputDigest);
		this.#traceId.set(slot, record.traceId);
		this.#startedAt[slot] = record.startedAt;
		this.#finishedAt[slot] = record.finishedAt;
		this.#status[slot] = record.status;
		this.#replayed[slot] = record.replayed ? 1 : 0;
		this.#operation[slot] = record.operation;
		this.#version[slot] = record.version;
		this.#resultCode[slot] = record.resultCode;
		this.#records[slot] = record.records;
		this.#principalId[slot] = record.principalId;
		this.#tenant[slot] = record.tenant;
		this.#idempotencyKey[slot] = record.idempotencyKey;
		this.#callerTraceId[slot] = record.callerTraceId;
		this.#inputShape[slot] = record.inputShape;
	}

	operation(slot: number): string {
		return this.#operation[slot]!;
	}

	principalId(slot: number): string | undefined {
		return this.#principalId[slot];
	}

	startedAt(slot: number): string {
		return this.#startedAt[slot]!;
	}

	traceId(slot: number): string {
		return this.#traceId.get(slot);
	}

	callerTraceId(slot: number): string | undefined {
		return this.#callerTraceId[slot];
	}

	/** The record in a slot, with the fields it was written with. */
	read(slot: number): AuditRecord {
		const record: { -readonly [K in keyof AuditRecord]: AuditRecord[K] } = {
			id: this.#id.get(slot),
			operation: this.#operation[slot]!,
			version: this.#version[slot]!,
			inputDigest: this.#inputDigest.get(slot),
			resultCode: this.#resultCode[slot]!,
			status: this.#status[slot]!,
			replayed: this.#replayed[slot] === 1,
			traceId: this.#traceId.get(slot),
			records: this.#records[slot]!,
			startedAt: this.#startedAt[slot]!,
			finishedAt: this.#finishedAt[slot]!,
		};
		const principalId = this.#principalId[slot];
		if (principalId !== undefined) record.principalId = principalId;
		const tenant = this.#tenant[slot];
		if (tenant !== undefined) record.tenant = tenant;
		const idempotencyKey = this.#idempotencyKey[slot];
		if (idempotencyKey !== undefined) record.idempotencyKey = idempotencyKey;
		const callerTraceId = this.#callerTraceId[slot];
		if (callerTraceId !== undefined) record.callerTraceId = callerTraceId;
		const inputShape = this.#inputShape[slot];
		if (inputShape !== undefined) record.inputShape = inputShape;
		return record;
	}
}
