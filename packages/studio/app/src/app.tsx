import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API, type StudioCatalog, type StudioSession } from '../../src/api/studio-api.ts';
import { createLiveFeed, type LiveFeed, useFeed } from './live-feed.ts';
import { AuditPage } from './pages/audit-page.tsx';
import { CatalogPage } from './pages/catalog-page.tsx';
import { DataPage } from './pages/data-page.tsx';
import { EventsPage } from './pages/events-page.tsx';
import { HealthPage } from './pages/health-page.tsx';
import { RunPage } from './pages/run-page.tsx';
import { href, useRoute } from './router.ts';
import { useSessionState, useStudioSession } from './session.tsx';
import { SignIn } from './sign-in.tsx';
import { studioFetch } from './studio-client.ts';
import { applyTheme, storedTheme, type Theme } from './theme.ts';

const PAGES = [
	{ path: 'catalog', title: 'Catalog' },
	{ path: 'run', title: 'Run' },
	{ path: 'events', title: 'Live events' },
	{ path: 'audit', title: 'Audit' },
	{ path: 'health', title: 'Health' },
	{ path: 'data', title: 'Data' },
] as const;

/** Everything a signed-in page gets. */
export interface StudioContext {
	readonly token: string;
	readonly session: StudioSession;
	readonly catalog: StudioCatalog;
	readonly feed: LiveFeed;
}

/** Studio: sign-in until the server admits the viewer, then the pages. */
export function App() {
	const { token, signOut } = useSessionState();
	const session = useStudioSession();
	if (!token) return <SignIn />;
	if (session.error)
		return (
			<SignIn
				refusal={`${session.error.problem.title}: ${session.error.problem.detail ?? ''}`.trim()}
				onRetry={signOut}
			/>
		);
	if (!session.data)
		return (
			<main className="centered">
				<p>Checking your access…</p>
			</main>
		);
	return <SignedIn token={token} session={session.data} />;
}

function SignedIn(props: { readonly token: string; readonly session: StudioSession }) {
	const { token, session } = props;
	const { signOut } = useSessionState();
	const route = useRoute();
	// Opened in an effect, so a remount (StrictMode's, in development) opens a new stream.
	const [feed, setFeed] = useState<LiveFeed>();
	useEffect(() => {
		const opened = createLiveFeed(token);
		setFeed(opened);
		return () => opened.close();
	}, [token]);
	const catalog = useQuery<StudioCatalog>({
		queryKey: ['studio', 'catalog', token],
		queryFn: ({ signal }) => studioFetch(API.catalog, token, { signal }),
		staleTime: Number.POSITIVE_INFINITY,
	});
	const page = route.path[0] ?? 'catalog';
	const current = PAGES.find((p) => p.path === page) ?? PAGES[0];
	useEffect(() => {
		document.title = `${current.title} · Charter Studio`;
	}, [current]);
	return (
		<>
			<a className="skip" href="#content">
				Skip to content
			</a>
			<header className="top">
				<span className="brand">Charter Studio</span>
				<nav aria-label="Studio">
					<ul>
						{PAGES.map((p) => (
							<li key={p.path}>
								<a href={href(p.path)} aria-current={p.path === current.path ? 'page' : undefined}>
									{p.title}
								</a>
							</li>
						))}
					</ul>
				</nav>
				<div className="who">
					{feed ? <FeedBadge feed={feed} /> : null}
					<span data-testid="viewer">
						{session.principal.id}
						{session.principal.tenant ? ` · ${session.principal.tenant}` : ''}
					</span>
					<ThemeSwitch />
					<button type="button" className="link" onClick={signOut}>
						Sign out
					</button>
				</div>
			</header>
			<main id="content" tabIndex={-1}>
				{catalog.error ? (
					<p role="alert">The catalog could not be read: {(catalog.error as Error).message}</p>
				) : !catalog.data || !feed ? (
					<p>Loading the catalog…</p>
				) : (
					<Page page={current.path} ctx={{ token, session, catalog: catalog.data, feed }} />
				)}
			</main>
		</>
	);
}

function Page(props: { readonly page: string; readonly ctx: StudioContext }) {
	switch (props.page) {
		case 'run':
			return <RunPage ctx={props.ctx} />;
		case 'events':
			return <EventsPage ctx={props.ctx} />;
		case 'audit':
			return <AuditPage ctx={props.ctx} />;
		case 'health':
			return <HealthPage ctx={props.ctx} />;
		case 'data':
			return <DataPage ctx={props.ctx} />;
		default:
			return <CatalogPage ctx={props.ctx} />;
	}
}

const FEED_TEXT = {
	connecting: 'Connecting…',
	live: 'Live',
	reconnecting: 'Reconnecting…',
	refused: 'Events refused',
} as const;

function FeedBadge(props: { readonly feed: LiveFeed }) {
	const { status } = useFeed(props.feed);
	return (
		<output className={`badge feed-${status}`} data-testid="feed-status">
			{FEED_TEXT[status]}
		</output>
	);
}

function ThemeSwitch() {
	const [theme, setTheme] = useState<Theme>(storedTheme);
	return (
		<label className="theme">
			Theme{' '}
			<select
				value={theme}
				onChange={(e) => {
					const next = e.target.value as Theme;
					applyTheme(next);
					setTheme(next);
				}}
			>
				<option value="system">System</option>
				<option value="light">Light</option>
				<option value="dark">Dark</option>
			</select>
		</label>
	);
}
