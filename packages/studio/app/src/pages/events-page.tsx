import { useEffect, useState } from 'react';
import { type EventCause, emitterOf, type StudioEvent } from '../../../src/api/studio-api.ts';
import type { StudioContext } from '../app.tsx';
import { type FeedEvent, type FeedState, useFeed } from '../live-feed.ts';
import { href, useRoute } from '../router.ts';

/** The trace ids an event can be found by: its call's, and its audit record's own. */
function tracesOf({ envelope, cause }: FeedEvent): string[] {
	return typeof cause?.audit === 'object'
		? [envelope.traceid, cause.audit.traceId]
		: [envelope.traceid];
}

/**
 * Events as they are published (the viewer's tenant only), filtered, pausable, inspectable, each
 * with what caused it. `#/events?trace=…` and `#/events?cause=<audit record id>` open it filtered.
 */
export function EventsPage(props: { readonly ctx: StudioContext }) {
	const live = useFeed(props.ctx.feed);
	const route = useRoute();
	const [paused, setPaused] = useState<FeedState['events']>();
	const [type, setType] = useState('');
	const [key, setKey] = useState('');
	const [trace, setTrace] = useState(route.query.get('trace') ?? '');
	useEffect(() => setTrace(route.query.get('trace') ?? ''), [route]);
	const causedBy = route.query.get('cause') ?? '';
	const [open, setOpen] = useState<string>();
	const shown = (paused ?? live.events).filter(
		({ event }) =>
			(!type || event.envelope.type.includes(type)) &&
			(!trace || tracesOf(event).some((t) => t.includes(trace))) &&
			(!causedBy ||
				(typeof event.cause?.audit === 'object' && event.cause.audit.id === causedBy)) &&
			(!key || JSON.stringify(event.envelope.data).includes(key)),
	);
	const waiting = paused ? live.events.length - paused.length : 0;
	return (
		<>
			<h1>Live events</h1>
			<p className="muted">
				Events published from the moment you signed in, of your tenant only, each with the command
				that caused it. Status: <strong>{live.status}</strong>.
			</p>
			<search className="filters" aria-label="Filter events">
				<label>
					Event{' '}
					<input
						value={type}
						onChange={(e) => setType(e.target.value)}
						placeholder="workflow.instance"
					/>
				</label>
				<label>
					Key in payload{' '}
					<input value={key} onChange={(e) => setKey(e.target.value)} placeholder="an id" />
				</label>
				<label>
					Trace id <input value={trace} onChange={(e) => setTrace(e.target.value)} />
				</label>
				<button
					type="button"
					onClick={() => setPaused(paused ? undefined : live.events)}
					aria-pressed={paused !== undefined}
				>
					{paused ? `Resume${waiting > 0 ? ` (${waiting} new)` : ''}` : 'Pause'}
				</button>
			</search>
			{causedBy ? (
				<p data-testid="caused-by-filter">
					The events caused by audit record <code>{causedBy}</code>.{' '}
					<a href={href('events')}>Show every event</a>
				</p>
			) : null}
			{shown.length === 0 ? (
				<p>No event yet{type || key || trace || causedBy ? ' matches the filters' : ''}.</p>
			) : (
				<ol className="events" data-testid="events" aria-live={paused ? 'off' : 'polite'}>
					{shown.map(({ event, receivedAt }) => (
						<EventItem
							key={event.envelope.id}
							event={event}
							receivedAt={receivedAt}
							open={open === event.envelope.id}
							onToggle={() => setOpen(open === event.envelope.id ? undefined : event.envelope.id)}
						/>
					))}
				</ol>
			)}
		</>
	);
}

function EventItem(props: {
	readonly event: FeedEvent;
	readonly receivedAt: number;
	readonly open: boolean;
	readonly onToggle: () => void;
}) {
	const { envelope, cause } = props.event;
	return (
		<li data-event={envelope.type} data-received={props.receivedAt}>
			<div className="event-head">
				<strong>{envelope.type}</strong> <span className="muted">v{envelope.eventversion}</span>{' '}
				<time dateTime={envelope.time}>{new Date(envelope.time).toLocaleTimeString()}</time>{' '}
				<button type="button" className="link" aria-expanded={props.open} onClick={props.onToggle}>
					Payload
				</button>
			</div>
			{cause ? <Cause cause={cause} /> : <UnreportedCause envelope={envelope} />}
			{props.open ? <pre>{JSON.stringify(envelope, null, 2)}</pre> : null}
		</li>
	);
}

const NO_RECORD = {
	none: 'no audit record found in your tenant',
	ambiguous: 'several calls named this trace at that time',
	unavailable: 'the audit log did not answer',
} as const;

/** What caused an event: the operation call, its trace and span, and its audit record. */
function Cause(props: { readonly cause: EventCause }) {
	const { cause } = props;
	const id = cause.operation ? `${cause.operation}@${cause.version}` : undefined;
	const audit = cause.audit;
	return (
		<p className="cause" data-testid="event-cause">
			Caused by{' '}
			{id ? (
				<>
					<a href={href('catalog', { page: `operations/${id}.html` })} data-testid="event-command">
						{cause.operation} v{cause.version}
					</a>{' '}
					(<a href={href(`run/${id}`)}>run</a>)
				</>
			) : (
				'no operation'
			)}
			{typeof audit === 'object' ? (
				<>
					{' '}
					by {audit.principalId ?? 'anonymous'}, {audit.resultCode} ·{' '}
					<a href={href('audit', { trace: audit.traceId })} data-testid="event-audit">
						Audit record
					</a>
				</>
			) : id ? (
				<>
					{' '}
					· <span className="muted">{NO_RECORD[audit]}</span> ·{' '}
					<a
						href={href('audit', {
							operation: cause.operation,
							// Calls that share a trace their caller named keep it as `callerTraceId`.
							[audit === 'ambiguous' ? 'callertrace' : 'trace']: cause.traceId,
						})}
					>
						Search the audit log
					</a>
				</>
			) : null}
			<br />
			Trace <code data-testid="event-trace">{cause.traceId}</code>
			{cause.spanId ? (
				<>
					{' '}
					· span <code title={cause.traceparent}>{cause.spanId}</code>
					{cause.sampled ? '' : ' (not sampled)'}
				</>
			) : null}
		</p>
	);
}

/**
 * An event from a server that does not report causes (one older than them): the cause is said to
 * be unknown; the emitting operation, from the envelope's `source`, and its trace are shown.
 */
function UnreportedCause(props: { readonly envelope: StudioEvent['envelope'] }) {
	const { envelope } = props;
	const emitter = emitterOf(envelope.source);
	const id = emitter ? `${emitter.operation}@${emitter.version}` : undefined;
	return (
		<p className="cause" data-testid="event-cause">
			<span className="muted">Cause not reported by this server</span>
			{emitter ? (
				<>
					{' '}
					· emitted by{' '}
					<a href={href('catalog', { page: `operations/${id}.html` })} data-testid="event-command">
						{emitter.operation} v{emitter.version}
					</a>{' '}
					(<a href={href(`run/${id}`)}>run</a>)
				</>
			) : null}{' '}
			·{' '}
			<a href={href('audit', { operation: emitter?.operation, trace: envelope.traceid })}>
				Search the audit log
			</a>
			<br />
			Trace <code data-testid="event-trace">{envelope.traceid}</code>
		</p>
	);
}
