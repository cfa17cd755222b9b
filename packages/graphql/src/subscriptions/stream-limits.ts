/** Limits on live GraphQL streams: graphql-sse reservations and running subscriptions. */
export interface StreamLimits {
	/** Stream reservations (graphql-sse `PUT`) one principal may hold at once (default 4). */
	readonly maxReservationsPerPrincipal?: number;
	/** Stream reservations held at once by everyone (default 1,000). */
	readonly maxReservations?: number;
	/** How long a reservation waits for its stream to connect before it is dropped (default 30 s). */
	readonly reservationTtlMs?: number;
	/** Subscriptions one caller may run at once; anonymous callers count per address (default 16). */
	readonly maxSubscriptionsPerPrincipal?: number;
	/** Subscriptions running at once on this node (default 1,000). */
	readonly maxSubscriptions?: number;
}

/** The defaults of {@link StreamLimits}. */
export const DEFAULT_STREAM_LIMITS: Required<StreamLimits> = {
	maxReservationsPerPrincipal: 4,
	maxReservations: 1000,
	reservationTtlMs: 30_000,
	maxSubscriptionsPerPrincipal: 16,
	maxSubscriptions: 1000,
};

/** Why a slot was refused: the holder's own limit, or everyone's. */
export type SlotRefusal = 'holder' | 'total';

/**
 * Counts slots held per holder and in total, within both limits. `take` gives a release
 * function (safe to call twice) or the limit that refused.
 */
export class SlotCounter {
	readonly #held = new Map<string, number>();
	#total = 0;

	constructor(
		private readonly perHolder: number,
		private readonly total: number,
	) {}

	/** How many slots are held in total. */
	get size(): number {
		return this.#total;
	}

	take(holder: string): (() => void) | SlotRefusal {
		const held = this.#held.get(holder) ?? 0;
		if (held >= this.perHolder) return 'holder';
		if (this.#total >= this.total) return 'total';
		this.#held.set(holder, held + 1);
		this.#total++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#total--;
			const left = (this.#held.get(holder) ?? 1) - 1;
			if (left === 0) this.#held.delete(holder);
			else this.#held.set(holder, left);
		};
	}
}
