import { useContractEvents } from '@charter/react';
import { useState } from 'react';
import { DEMO_TOKENS, INSTANCE_EVENTS, token } from './charter.ts';
import { InstanceDetail } from './instance-detail.tsx';
import { InstanceList } from './instance-list.tsx';

const LIVE_TEXT = {
	idle: 'Not listening',
	connecting: 'Connecting…',
	live: 'Live',
	reconnecting: 'Reconnecting…',
	denied: 'Live updates refused',
	closed: 'Not listening',
} as const;

/** The page: who you act as, the live state, the list and the selected instance. */
export function App() {
	const [selected, setSelected] = useState<string | undefined>();
	const live = useContractEvents(INSTANCE_EVENTS);
	return (
		<>
			<header>
				<h1>Workflow instances</h1>
				<label>
					Acting as{' '}
					<select
						value={token}
						onChange={(e) => {
							location.search = `?as=${encodeURIComponent(e.target.value)}`;
						}}
					>
						{DEMO_TOKENS.map((t) => (
							<option key={t} value={t}>
								{t}
							</option>
						))}
					</select>
				</label>
				<output className={`live live-${live.status}`} aria-live="polite" data-testid="live-status">
					{LIVE_TEXT[live.status]}
				</output>
			</header>
			<main>
				<InstanceList selected={selected} onSelect={setSelected} />
				{selected ? <InstanceDetail instanceId={selected} /> : <p>Select an instance.</p>}
			</main>
		</>
	);
}
