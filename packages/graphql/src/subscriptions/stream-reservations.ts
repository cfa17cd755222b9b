import { randomUUID } from 'node:crypto';
import type { Principal } from '@charter/runtime';
import { createProblem } from '@charter/spec';
import { problemResponse, unauthenticated } from '../http/json-response.ts';
import { problemToGraphqlError } from '../problems/problem-error.ts';
import type { SlotCounter, StreamLimits } from './stream-limits.ts';

/** The header (or `token` query parameter) that names a graphql-sse reserved stream. */
export const STREAM_TOKEN_HEADER = 'x-graphql-event-stream-token';

/** Who a request comes from: a principal, none (anonymous), or credentials that are not valid. */
export type CallerOf = (
	request: Request,
) => Promise<{ principal: Principal | undefined } | { invalid: string }>;

interface Reservation {
	readonly holder: string;
	readonly release: () => void;
	timer: NodeJS.Timeout | undefined;
	connected: boolean;
}

/**
 * Guards graphql-sse's "single connection mode": a stream reservation (`PUT`) needs an
 * authenticated caller, counts against the caller's and the node's limits, and is dropped when
 * its stream has not connected within the time to live; every later request on the stream
 * must come from the caller who reserved it. graphql-sse keeps the streams; this class decides
 * which requests reach it and gives it the token to use (`tokenOf`, its `authenticate`).
 */
export class StreamReservations {
	readonly #byToken = new Map<string, Reservation>();
	readonly #assigned = new WeakMap<Request, string>();

	constructor(
		private readonly sse: (request: Request) => Promise<Response>,
		private readonly callerOf: CallerOf,
		private readonly slots: SlotCounter,
		private readonly limits: Required<StreamLimits>,
	) {}

	/** How many reservations are held (connected or waiting). */
	get size(): number {
		return this.#byToken.size;
	}

	/** The stream token of a request: one this class assigned to a `PUT`, or the one it names. */
	tokenOf(request: Request): string | undefined {
		return this.#assigned.get(request) ?? tokenIn(request);
	}

	/** Answers a graphql-sse request: a reservation, a request on a reserved stream, or a distinct stream. */
	async handle(request: Request): Promise<Response> {
		const token = tokenIn(request);
		if (request.method === 'PUT') {
			if (token !== undefined)
				return problemResponse(
					createProblem('BAD_REQUEST', { detail: 'a reservation must not name a token' }),
				);
			return this.#reserve(request);
		}
		if (token === undefined) return this.sse(request);
		const reservation = this.#byToken.get(token);
		const caller = reservation ? await this.callerOf(request) : undefined;
		if (
			!reservation ||
			!caller ||
			'invalid' in caller ||
			holderOf(caller.principal) !== reservation.holder
		) {
			return problemResponse(createProblem('NOT_FOUND', { detail: 'no such event stream' }));
		}
		const connecting = (request.headers.get('accept') ?? '').includes('text/event-stream');
		if (!connecting || reservation.connected) return this.sse(request);
		reservation.connected = true;
		clearTimeout(reservation.timer);
		const response = await this.sse(request);
		if (!response.body || response.status !== 200) {
			this.#drop(token);
			return response;
		}
		return new Response(
			untilEnd(response.body, () => this.#drop(token)),
			{
				status: response.status,
				headers: response.headers,
			},
		);
	}

	async #reserve(request: Request): Promise<Response> {
		// Anonymous callers are refused first and cheaply: they are the flood this guards against.
		if (!request.headers.has('authorization')) return anonymousRefusal();
		const caller = await this.callerOf(request);
		if ('invalid' in caller) return problemResponse(unauthenticated(caller.invalid));
		if (!caller.principal) return anonymousRefusal();
		const holder = holderOf(caller.principal);
		const release = this.slots.take(holder);
		const retryAfter = Math.ceil(this.limits.reservationTtlMs / 1000);
		if (release === 'holder') {
			return problemResponse(
				createProblem('RATE_LIMITED', {
					detail: `a caller may hold ${this.limits.maxReservationsPerPrincipal} event stream reservations at once`,
					retryAfter,
				}),
			);
		}
		if (release === 'total') {
			return problemResponse(
				createProblem('UNAVAILABLE', {
					detail: 'this server holds as many event stream reservations as it can',
					retryAfter,
				}),
			);
		}
		const token = randomUUID();
		const reservation: Reservation = { holder, release, timer: undefined, connected: false };
		this.#byToken.set(token, reservation);
		this.#assigned.set(request, token);
		const response = await this.sse(request);
		if (response.status !== 201) {
			this.#drop(token);
			return response;
		}
		reservation.timer = setTimeout(() => void this.#expire(token), this.limits.reservationTtlMs);
		reservation.timer.unref();
		return response;
	}

	/** Drops a reservation whose stream never connected, and the stream graphql-sse keeps for it. */
	async #expire(token: string): Promise<void> {
		const reservation = this.#byToken.get(token);
		if (!reservation || reservation.connected) return;
		this.#drop(token);
		// graphql-sse forgets a stream once it has ended: connect it and hang up at once.
		const opened = await this.sse(
			new Request('http://localhost/', {
				headers: { accept: 'text/event-stream', [STREAM_TOKEN_HEADER]: token },
			}),
		).catch(() => undefined);
		await opened?.body?.cancel().catch(() => {});
	}

	#drop(token: string): void {
		const reservation = this.#byToken.get(token);
		if (!reservation) return;
		this.#byToken.delete(token);
		clearTimeout(reservation.timer);
		reservation.release();
	}
}

const ANONYMOUS_BODY = JSON.stringify({
	errors: [
		problemToGraphqlError(
			unauthenticated('reserving an event stream requires a signed-in caller'),
		).toJSON(),
	],
});

function anonymousRefusal(): Response {
	return new Response(ANONYMOUS_BODY, {
		status: 401,
		headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Bearer' },
	});
}

/** The key limits count by: one per signed-in principal (tenant and id). */
export function holderOf(principal: Principal | undefined, address?: string): string {
	return principal
		? `principal:${principal.tenant ?? ''}:${principal.id}`
		: `address:${address ?? 'unknown'}`;
}

function tokenIn(request: Request): string | undefined {
	const header = request.headers.get(STREAM_TOKEN_HEADER);
	if (header) return header;
	if (!request.url.includes('?')) return undefined;
	return new URL(request.url).searchParams.get('token') || undefined;
}

/** The same bytes, calling `done` once when the stream ends, fails or is cancelled. */
function untilEnd(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
	const reader = body.getReader();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done: ended, value } = await reader.read();
				if (ended) {
					done();
					controller.close();
				} else controller.enqueue(value);
			} catch (error) {
				done();
				controller.error(error);
			}
		},
		async cancel(reason) {
			done();
			await reader.cancel(reason).catch(() => {});
		},
	});
}
