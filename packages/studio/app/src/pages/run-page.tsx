import { ContractForm } from '@charter/react';
import type { OperationSpec } from '@charter/spec';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { API, type OperationInput, type Snippets } from '../../../src/api/studio-api.ts';
import type { StudioContext } from '../app.tsx';
import { type CallRecord, recordCall, useCallHistory } from '../call-history.ts';
import { ConfirmPanel } from '../confirm-panel.tsx';
import { callOperation, serverValidator } from '../operation-call.ts';
import { href, navigate, useRoute } from '../router.ts';
import { useDemoPrincipals } from '../session.tsx';
import { studioFetch } from '../studio-client.ts';

const ME = '';
const OTHER = 'other';

/** Runs any served operation with its generated form, as the viewer or another principal. */
export function RunPage(props: { readonly ctx: StudioContext }) {
	const { ctx } = props;
	const route = useRoute();
	const id = route.path[1];
	const served = useMemo(
		() =>
			ctx.catalog.contracts.filter((c) =>
				ctx.catalog.served.includes(`${c.meta.key}@${c.meta.version}`),
			),
		[ctx.catalog],
	);
	const spec = served.find((c) => `${c.meta.key}@${c.meta.version}` === id);
	return (
		<>
			<h1>Run an operation</h1>
			<label className="block">
				Operation{' '}
				<select
					value={id ?? ''}
					onChange={(e) => navigate(href(`run/${e.target.value}`))}
					data-testid="operation-select"
				>
					<option value="">Choose…</option>
					{served.map((c) => (
						<option
							key={`${c.meta.key}@${c.meta.version}`}
							value={`${c.meta.key}@${c.meta.version}`}
						>
							{c.meta.key} v{c.meta.version} ({c.kind})
						</option>
					))}
				</select>
			</label>
			{spec ? (
				<RunForm key={id} ctx={ctx} spec={spec} />
			) : (
				<p>Choose an operation, or open one from the catalog.</p>
			)}
			<History />
		</>
	);
}

function RunForm(props: { readonly ctx: StudioContext; readonly spec: OperationSpec }) {
	const { ctx, spec } = props;
	const demo = useDemoPrincipals();
	const [as, setAs] = useState(ME);
	const [otherToken, setOtherToken] = useState('');
	const [idempotencyKey, setIdempotencyKey] = useState('');
	const [pending, setPending] = useState<unknown>();
	const [last, setLast] = useState<CallRecord>();
	const [sending, setSending] = useState(false);
	const token = as === ME ? ctx.token : as === OTHER ? otherToken : as;
	const who =
		as === ME
			? ctx.session.principal.id
			: as === OTHER
				? 'token'
				: (demo.data?.find((p) => p.token === as)?.id ?? as);
	const validator = useMemo(() => serverValidator(ctx.token, spec), [ctx.token, spec]);
	const key = `${spec.meta.key}@${spec.meta.version}`;
	const access = as === ME ? ctx.session.access[key] : undefined;

	async function send(input: unknown) {
		setPending(undefined);
		setSending(true);
		try {
			const outcome = await callOperation(spec, input, {
				token,
				restBase: ctx.session.surfaces.rest,
				...(idempotencyKey ? { idempotencyKey } : {}),
			});
			const call: CallRecord = {
				at: new Date().toISOString(),
				operation: spec.meta.key,
				version: spec.meta.version,
				as: who,
				status: outcome.status,
				...(outcome.traceId ? { traceId: outcome.traceId } : {}),
				input,
				...(idempotencyKey ? { idempotencyKey } : {}),
				body: outcome.body,
			};
			recordCall(call);
			setLast(call);
		} finally {
			setSending(false);
		}
	}

	return (
		<section aria-labelledby="run-title" className="run">
			<h2 id="run-title">
				{spec.meta.key} <span className="muted">v{spec.meta.version}</span>
			</h2>
			<p>{spec.meta.description}</p>
			<p>
				<a href={href('catalog', { page: `operations/${key}.html` })}>Catalog entry</a>
				{access ? <span className={`badge access-${access}`}>your policy: {access}</span> : null}
			</p>
			<fieldset className="call-options">
				<legend>Call options</legend>
				<label>
					Act as{' '}
					<select value={as} onChange={(e) => setAs(e.target.value)} data-testid="act-as">
						<option value={ME}>Me ({ctx.session.principal.id})</option>
						{(demo.data ?? []).map((p) => (
							<option key={p.token} value={p.token}>
								{p.id} ({p.roles.join(', ') || 'no role'}
								{p.tenant ? `, ${p.tenant}` : ''})
							</option>
						))}
						<option value={OTHER}>Another bearer token…</option>
					</select>
				</label>
				{as === OTHER ? (
					<label>
						Bearer token{' '}
						<input
							type="password"
							value={otherToken}
							onChange={(e) => setOtherToken(e.target.value)}
						/>
					</label>
				) : null}
				{spec.kind === 'command' ? (
					<label>
						Idempotency-Key (optional){' '}
						<input value={idempotencyKey} onChange={(e) => setIdempotencyKey(e.target.value)} />
						<button
							type="button"
							className="link"
							onClick={() => setIdempotencyKey(crypto.randomUUID())}
						>
							New key
						</button>
					</label>
				) : null}
			</fieldset>
			<ContractForm
				contract={spec as never}
				title={`Input of ${spec.meta.key}`}
				validator={validator}
				submitLabel={sending ? 'Sending…' : spec.kind === 'query' ? 'Run query' : 'Send command'}
				onSubmit={(input) => (spec.destructive ? setPending(input) : send(input))}
			/>
			{pending !== undefined ? (
				<ConfirmPanel
					operation={spec.meta.key}
					who={who}
					input={pending}
					onConfirm={() => send(pending)}
					onCancel={() => setPending(undefined)}
				/>
			) : null}
			{last ? <CallResult ctx={ctx} spec={spec} call={last} /> : null}
		</section>
	);
}

function CallResult(props: {
	readonly ctx: StudioContext;
	readonly spec: OperationSpec;
	readonly call: CallRecord;
}) {
	const { call, spec, ctx } = props;
	const ok = call.status >= 200 && call.status < 300;
	const snippets = useQuery<Snippets>({
		queryKey: ['studio', 'snippets', spec.meta.key, spec.meta.version, call.input],
		queryFn: () =>
			studioFetch(API.snippets, ctx.token, {
				method: 'POST',
				body: {
					operation: spec.meta.key,
					version: spec.meta.version,
					input: call.input,
				} satisfies OperationInput,
			}),
	});
	const [tab, setTab] = useState<'curl' | 'typescript' | 'graphql'>('curl');
	return (
		<section
			aria-labelledby="result-title"
			className={`result ${ok ? 'ok' : 'problem'}`}
			data-testid="result"
		>
			<h3 id="result-title">
				{ok ? 'Result' : 'Problem'}{' '}
				<span className="badge" data-testid="result-status">
					{call.status}
				</span>
			</h3>
			<p>
				Trace id <code data-testid="result-trace">{call.traceId ?? '—'}</code>
				{call.traceId && spec.kind === 'command' ? (
					<>
						{' '}
						· <a href={href('audit', { trace: call.traceId })}>Audit record</a> ·{' '}
						<a href={href('events', { trace: call.traceId })}>Its events</a>
					</>
				) : null}
			</p>
			<pre data-testid="result-body">{JSON.stringify(call.body, null, 2)}</pre>
			<h4>The same call from elsewhere</h4>
			<div role="tablist" aria-label="Snippets">
				{(['curl', 'typescript', 'graphql'] as const).map((name) => (
					<button
						key={name}
						type="button"
						role="tab"
						aria-selected={tab === name}
						onClick={() => setTab(name)}
					>
						{name === 'typescript' ? 'Client' : name === 'graphql' ? 'GraphQL' : 'curl'}
					</button>
				))}
			</div>
			<div role="tabpanel" aria-label={`${tab} snippet`}>
				<pre className="snippet">
					{snippets.data
						? tab === 'graphql'
							? `${snippets.data.graphql.document}\n\n# variables\n${snippets.data.graphql.variables}`
							: snippets.data[tab]
						: 'Writing the snippets…'}
				</pre>
			</div>
		</section>
	);
}

function History() {
	const calls = useCallHistory();
	if (calls.length === 0) return null;
	return (
		<section aria-labelledby="history-title">
			<h2 id="history-title">This session's calls</h2>
			<table>
				<thead>
					<tr>
						<th scope="col">When</th>
						<th scope="col">Operation</th>
						<th scope="col">As</th>
						<th scope="col">Status</th>
						<th scope="col">Trace</th>
					</tr>
				</thead>
				<tbody>
					{calls.map((call) => (
						<tr key={`${call.at}-${call.traceId}`}>
							<td>{new Date(call.at).toLocaleTimeString()}</td>
							<td>{call.operation}</td>
							<td>{call.as}</td>
							<td>{call.status}</td>
							<td>
								{call.traceId ? (
									<a href={href('audit', { trace: call.traceId })}>{call.traceId.slice(0, 12)}…</a>
								) : (
									'—'
								)}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	);
}
