import { useQuery } from '@tanstack/react-query';
import { API, type HealthReport } from '../../../src/api/studio-api.ts';
import type { StudioContext } from '../app.tsx';
import { href } from '../router.ts';
import { studioFetch } from '../studio-client.ts';

/** The runtime now: readiness, outbox and relay, failed deliveries, keys in flight, subscribers, surfaces. */
export function HealthPage(props: { readonly ctx: StudioContext }) {
	const health = useQuery<HealthReport>({
		queryKey: ['studio', 'health', props.ctx.token],
		queryFn: ({ signal }) => studioFetch(API.health, props.ctx.token, { signal }),
		refetchInterval: 5_000,
	});
	if (health.error) return <p role="alert">{(health.error as Error).message}</p>;
	const h = health.data;
	if (!h) return <p>Loading…</p>;
	return (
		<>
			<h1>Runtime health</h1>
			<p className="muted">
				Checked at {new Date(h.checkedAt).toLocaleTimeString()}, every 5 seconds.
			</p>
			<dl className="tiles">
				{h.readiness && (
					<Tile
						label="Readiness (/readyz)"
						value={`${h.readiness.status} (${h.readiness.phase})`}
						bad={h.readiness.status !== 'ready'}
					/>
				)}
				<Tile
					label="Store"
					value={`${h.store.dialect}: ${h.store.ready ? 'ready' : 'not ready'}`}
					bad={!h.store.ready}
				/>
				<Tile
					label="Event bus"
					value={h.bus.ready ? 'ready' : `not ready (${h.bus.error})`}
					bad={!h.bus.ready}
				/>
				<Tile label="Outbox backlog" value={h.outbox ? String(h.outbox.pending) : 'n/a'} />
				<Tile
					label="Relay lag"
					value={h.outbox ? `${(h.outbox.lagMs / 1000).toFixed(1)} s` : 'n/a'}
				/>
				<Tile
					label="Idempotency keys in flight"
					value={h.idempotency ? String(h.idempotency.inFlight) : 'n/a'}
				/>
				<Tile
					label="Relay"
					value={
						h.outbox?.relay
							? `${h.outbox.relay.delivered} delivered${h.outbox.relay.failures ? `, ${h.outbox.relay.failures} failures, next try ${h.outbox.relay.retryAt ?? ''}` : ''}`
							: 'n/a'
					}
				/>
			</dl>
			{h.readiness && (
				<>
					<h2>Readiness checks</h2>
					<table>
						<thead>
							<tr>
								<th scope="col">Check</th>
								<th scope="col">State</th>
								<th scope="col">Detail</th>
							</tr>
						</thead>
						<tbody>
							{Object.entries(h.readiness.checks).map(([name, check]) => (
								<tr key={name}>
									<td>
										{name}
										{check.optional ? ' (optional)' : ''}
									</td>
									<td>{check.ok ? 'ok' : 'failing'}</td>
									<td>{check.detail ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</>
			)}
			<h2>Failed deliveries</h2>
			{!h.outbox || h.outbox.failed.length === 0 ? (
				<p>None pending.</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">Event</th>
							<th scope="col">Committed</th>
							<th scope="col">Attempts</th>
							<th scope="col">Last error</th>
						</tr>
					</thead>
					<tbody>
						{h.outbox.failed.map((f) => (
							<tr key={f.id}>
								<td>
									{f.type} <a href={href('audit', { trace: f.traceId })}>audit</a>
								</td>
								<td>{f.createdAt}</td>
								<td>{f.attempts}</td>
								<td>{f.lastError}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<h2>Subscribers</h2>
			{h.subscribers.length === 0 ? (
				<p>No consumer.</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">Event</th>
							<th scope="col">Durable subscriptions</th>
							<th scope="col">Live listeners</th>
						</tr>
					</thead>
					<tbody>
						{h.subscribers.map((s) => (
							<tr key={s.event}>
								<td>{s.event === '*' ? 'every event' : s.event}</td>
								<td>{s.subscriptions}</td>
								<td>{s.listeners}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<h2>Served operations</h2>
			{h.surfaces.map((s) => (
				<details key={s.surface}>
					<summary>
						{s.surface.toUpperCase()} at <code>{s.mountedAt || '/'}</code>: {s.operations.length}{' '}
						operations
					</summary>
					<ul className="columns">
						{s.operations.map((o) => (
							<li key={o.id}>
								<code>{o.name}</code> <span className="muted">{o.id}</span>
							</li>
						))}
					</ul>
				</details>
			))}
		</>
	);
}

function Tile(props: { readonly label: string; readonly value: string; readonly bad?: boolean }) {
	return (
		<div className={props.bad ? 'tile bad' : 'tile'}>
			<dt>{props.label}</dt>
			<dd>{props.value}</dd>
		</div>
	);
}
