/** Where a server is in its life: only `ready` takes traffic. */
export type LifecyclePhase = 'starting' | 'ready' | 'draining' | 'stopping';

/** One dependency a server needs before it takes traffic. */
export interface ReadinessCheck {
	readonly name: string;
	/** Resolves when the dependency answers; throws (or rejects) with why it does not. */
	check(): unknown;
	/** An optional dependency is reported but never makes the server not ready. */
	readonly optional?: boolean;
}

/** What `/readyz` answers. */
export interface ReadinessReport {
	readonly status: 'ready' | 'not ready';
	readonly phase: LifecyclePhase;
	readonly checks: Readonly<
		Record<string, { readonly ok: boolean; readonly optional?: boolean; readonly detail?: string }>
	>;
}

/** The readiness of one server: its phase and its dependencies' checks. */
export interface Readiness {
	readonly phase: LifecyclePhase;
	setPhase(phase: LifecyclePhase): void;
	/** Runs every check (each bounded by the timeout) and reports. */
	report(): Promise<ReadinessReport>;
}

/**
 * Creates a server's readiness: `starting` until `setPhase('ready')`; then ready while every
 * required check passes; `draining` and `stopping` are never ready, so a load balancer stops
 * sending traffic before the server stops accepting it.
 *
 * @example
 * const readiness = createReadiness({ checks: [...sqlStoreChecks(stores), natsBusCheck(bus)] });
 * readiness.setPhase('ready');
 */
export function createReadiness(options: {
	readonly checks: readonly ReadinessCheck[];
	/** How long one check may take before it counts as failed (2 s by default). */
	readonly timeoutMs?: number;
}): Readiness {
	const timeoutMs = options.timeoutMs ?? 2_000;
	let phase: LifecyclePhase = 'starting';
	return {
		get phase() {
			return phase;
		},
		setPhase(next) {
			phase = next;
		},
		async report() {
			const results = await Promise.all(
				options.checks.map(async (c) => {
					const detail = await failureOf(c, timeoutMs);
					return [
						c.name,
						{
							ok: detail === undefined,
							...(c.optional ? { optional: true } : {}),
							...(detail !== undefined ? { detail } : {}),
						},
					] as const;
				}),
			);
			const checks = Object.fromEntries(results);
			const failed = options.checks.some((c) => !c.optional && !checks[c.name]?.ok);
			return { status: phase === 'ready' && !failed ? 'ready' : 'not ready', phase, checks };
		},
	};
}

async function failureOf(check: ReadinessCheck, timeoutMs: number): Promise<string | undefined> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<string>((resolve) => {
		timer = setTimeout(() => resolve(`no answer in ${timeoutMs} ms`), timeoutMs);
	});
	try {
		return await Promise.race([
			Promise.resolve()
				.then(() => check.check())
				.then(() => undefined),
			late,
		]);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	} finally {
		clearTimeout(timer);
	}
}

/** What a bus needs for a readiness check: NATS's connection fits. */
interface BusConnection {
	isClosed(): boolean;
	flush(): Promise<void>;
}

/** Checks that the bus's connection is open and answers a round trip (a NATS flush). */
export function busCheck(
	bus: object,
	options: { readonly optional?: boolean } = {},
): ReadinessCheck | undefined {
	const connection = (bus as { connection?: BusConnection }).connection;
	if (!connection || typeof connection.flush !== 'function') return undefined;
	return {
		name: 'bus',
		...(options.optional ? { optional: true } : {}),
		check: async () => {
			if (connection.isClosed()) throw new Error('the connection is closed');
			await connection.flush();
		},
	};
}
