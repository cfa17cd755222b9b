import { useState } from 'react';
import { useDemoPrincipals, useSessionState } from './session.tsx';

/** Asks for a bearer token, or offers the server's dev principals; shows why access was refused. */
export function SignIn(props: { readonly refusal?: string; readonly onRetry?: () => void }) {
	const { signIn } = useSessionState();
	const demo = useDemoPrincipals();
	const [token, setToken] = useState('');
	if (props.refusal)
		return (
			<main className="centered">
				<h1>Charter Studio</h1>
				<div role="alert" className="refusal" data-testid="refusal">
					<p>Studio refused to open.</p>
					<p>{props.refusal}</p>
				</div>
				<button type="button" onClick={props.onRetry}>
					Sign in as someone else
				</button>
			</main>
		);
	return (
		<main className="centered">
			<h1>Charter Studio</h1>
			<p>
				Studio opens for principals with a Studio role. Every call it makes goes through the
				server's policy.
			</p>
			<form
				aria-label="Sign in"
				onSubmit={(e) => {
					e.preventDefault();
					if (token.trim()) signIn(token.trim());
				}}
			>
				<label htmlFor="token">Bearer token</label>
				<input
					id="token"
					type="password"
					autoComplete="off"
					value={token}
					onChange={(e) => setToken(e.target.value)}
				/>
				<button type="submit">Sign in</button>
			</form>
			{demo.data && demo.data.length > 0 ? (
				<section aria-labelledby="demo-title">
					<h2 id="demo-title">Development principals</h2>
					<ul className="demo">
						{demo.data.map((p) => (
							<li key={p.token}>
								<button type="button" onClick={() => signIn(p.token)}>
									Sign in as {p.id}
								</button>{' '}
								<span className="muted">
									{p.roles.join(', ') || 'no role'}
									{p.tenant ? ` · ${p.tenant}` : ''}
									{p.description ? ` — ${p.description}` : ''}
								</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</main>
	);
}
