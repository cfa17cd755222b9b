import {
	type CountedEventBus,
	type EventBus,
	eventVisibleTo,
	type OperationPlan,
	type OutboxRelay,
	type Principal,
	type Readiness,
	type Stores,
} from '@charter/runtime';
import { isSqlStores, readRuntimeStats, type SqlStores } from '@charter/sql';
import type { HealthReport, StudioSurfaces } from '../api/studio-api.ts';

/** What the health page reads. */
export interface HealthSources {
	readonly stores: Stores | SqlStores;
	readonly bus: EventBus | CountedEventBus;
	readonly relay?: OutboxRelay;
	/** The server's readiness, as `/readyz` reports it. */
	readonly readiness?: Pick<Readiness, 'report'>;
	readonly plans: readonly OperationPlan[];
	readonly surfaces: StudioSurfaces;
}

const isCounted = (bus: EventBus | CountedEventBus): bus is CountedEventBus =>
	typeof (bus as Partial<CountedEventBus>).subscriberCounts === 'function';

/** How long the bus may take to say it listens before it is reported not ready. */
const BUS_PROBE_MS = 2_000;

/**
 * Reads the runtime's state for a viewer: store and bus readiness, the outbox backlog and relay
 * lag, failed deliveries (of the viewer's tenant), in-flight idempotency keys, subscriber
 * counts, and the served operations per surface with their wire names.
 */
export async function healthReport(
	sources: HealthSources,
	viewer: Principal,
	now = new Date(),
): Promise<HealthReport> {
	const { stores, bus, relay } = sources;
	let store: HealthReport['store'] = {
		dialect: isSqlStores(stores) ? stores.dialect : 'memory',
		ready: true,
	};
	let outbox: HealthReport['outbox'];
	let idempotency: HealthReport['idempotency'];
	if (isSqlStores(stores)) {
		try {
			const stats = await readRuntimeStats(stores, now);
			outbox = {
				pending: stats.outbox.pending,
				...(stats.outbox.oldestPendingAt ? { oldestPendingAt: stats.outbox.oldestPendingAt } : {}),
				lagMs: stats.outbox.lagMs,
				failed: stats.outbox.failed
					.filter((failed) =>
						eventVisibleTo(
							{ tenant: failed.tenant } as Parameters<typeof eventVisibleTo>[0],
							viewer,
						),
					)
					.map(({ tenant: _tenant, ...failed }) => failed),
				...(relay ? { relay: { ...relay.stats } } : {}),
			};
			idempotency = stats.idempotency;
		} catch (error) {
			store = { ...store, ready: false, error: (error as Error).message };
		}
	}
	const readiness = sources.readiness ? await sources.readiness.report() : undefined;
	return {
		checkedAt: now.toISOString(),
		...(readiness ? { readiness } : {}),
		store,
		bus: await probeBus(bus),
		...(outbox ? { outbox } : {}),
		...(idempotency ? { idempotency } : {}),
		subscribers: isCounted(bus) ? bus.subscriberCounts() : [],
		surfaces: servedPerSurface(sources.plans, sources.surfaces),
	};
}

/** Readiness of the bus: it can set up a live listener (then dropped) within a bound. */
async function probeBus(bus: EventBus): Promise<HealthReport['bus']> {
	const listener = bus.listen('charter.studio.probe', () => {});
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			listener.ready,
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('no answer in 2 s')), BUS_PROBE_MS);
			}),
		]);
		return { ready: true };
	} catch (error) {
		return { ready: false, error: (error as Error).message };
	} finally {
		clearTimeout(timer);
		listener();
	}
}

function servedPerSurface(
	plans: readonly OperationPlan[],
	surfaces: StudioSurfaces,
): HealthReport['surfaces'] {
	const rows: {
		-readonly [K in keyof HealthReport['surfaces'][number]]: HealthReport['surfaces'][number][K];
	}[] = [
		{
			surface: 'rest',
			mountedAt: surfaces.rest,
			operations: plans.map((p) => ({
				id: p.id,
				name: `${p.wire.rest.method} ${p.wire.rest.path}`,
			})),
		},
	];
	if (surfaces.graphql)
		rows.push({
			surface: 'graphql',
			mountedAt: surfaces.graphql,
			operations: plans.map((p) => ({
				id: p.id,
				name: `${p.wire.graphql.type}.${p.wire.graphql.field}`,
			})),
		});
	if (surfaces.mcp)
		rows.push({
			surface: 'mcp',
			mountedAt: surfaces.mcp,
			operations: plans.map((p) => ({ id: p.id, name: p.wire.mcp.tool })),
		});
	return rows;
}
