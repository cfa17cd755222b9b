import { useState } from 'react';
import type { StudioEvent } from '../../../src/api/studio-api.ts';
import type { StudioContext } from '../app.tsx';
import { type FeedState, useFeed } from '../live-feed.ts';
import { href } from '../router.ts';

/** The operation that emitted an event, from its CloudEvents `source`. */
export function emitterOf(event: StudioEvent): string | undefined {
	return /^charter:operation\/(.+)$/.exec(event.source)?.[1];
}

/** Events as they are published (the viewer's tenant only), filtered, pausable, inspectable. */
export function EventsPage(props: { readonly ctx: StudioContext }) {
	const live = useFeed(props.ctx.feed);
	const [paused, setPaused] = useState<FeedState['events']>();
	const [type, setType] = useState('');
	const [key, setKey] = useState('');
	const [trace, setTrace] = useState('');
	const [open, setOpen] = useState<string>();
	const shown = (paused ?? live.events).filter(
		({ event }) =>
			(!type || event.type.includes(type)) &&
			(!trace || event.traceid.includes(trace)) &&
			(!key || JSON.stringify(event.data).includes(key)),
	);
	const waiting = paused ? live.events.length - paused.length : 0;
	return (
		<>
			<h1>Live events</h1>
			<p className="muted">
				Events published from the moment you signed in, of your tenant only. Status:{' '}
				<strong>{live.status}</strong>.
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
			{shown.length === 0 ? (
				<p>No event yet{type || key || trace ? ' matches the filters' : ''}.</p>
			) : (
				<ol className="events" data-testid="events" aria-live={paused ? 'off' : 'polite'}>
					{shown.map(({ event, receivedAt }) => {
						const emitter = emitterOf(event);
						return (
							<li key={event.id} data-event={event.type} data-received={receivedAt}>
								<div className="event-head">
									<strong>{event.type}</strong> <span className="muted">v{event.eventversion}</span>{' '}
									<time dateTime={event.time}>{new Date(event.time).toLocaleTimeString()}</time>
								</div>
								<div className="event-links">
									{emitter ? (
										<a href={href('catalog', { page: `operations/${emitter}.html` })}>
											Command {emitter}
										</a>
									) : null}{' '}
									<a href={href('audit', { trace: event.traceid })} data-testid="event-audit">
										Audit record
									</a>{' '}
									<button
										type="button"
										className="link"
										aria-expanded={open === event.id}
										onClick={() => setOpen(open === event.id ? undefined : event.id)}
									>
										Payload
									</button>
								</div>
								{open === event.id ? <pre>{JSON.stringify(event, null, 2)}</pre> : null}
							</li>
						);
					})}
				</ol>
			)}
		</>
	);
}
