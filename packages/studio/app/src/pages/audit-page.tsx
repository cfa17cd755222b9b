import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { API, type AuditRecordView, type AuditPage as Page } from '../../../src/api/studio-api.ts';
import type { StudioContext } from '../app.tsx';
import { href, navigate, useRoute } from '../router.ts';
import { studioFetch } from '../studio-client.ts';

const FILTERS = [
	'operation',
	'principal',
	'outcome',
	'code',
	'trace',
	'callertrace',
	'since',
	'until',
] as const;

/** The audit log of the viewer's tenant: filters, pages (newest first), and a record view. */
export function AuditPage(props: { readonly ctx: StudioContext }) {
	const { ctx } = props;
	const route = useRoute();
	const query = Object.fromEntries(FILTERS.map((f) => [f, route.query.get(f) ?? ''])) as Record<
		(typeof FILTERS)[number],
		string
	>;
	const [before, setBefore] = useState<number[]>([]);
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(query))
		if (value)
			params.set(
				name,
				name === 'since' || name === 'until' ? new Date(value).toISOString() : value,
			);
	const cursor = before.at(-1);
	if (cursor) params.set('before', String(cursor));
	const page = useQuery<Page>({
		queryKey: ['studio', 'audit', ctx.token, params.toString()],
		queryFn: ({ signal }) => studioFetch(`${API.audit}?${params}`, ctx.token, { signal }),
	});
	const set = (name: string, value: string) => {
		setBefore([]);
		navigate(href('audit', { ...query, [name]: value }));
	};
	const commands = ctx.catalog.contracts.filter((c) => c.kind === 'command').map((c) => c.meta.key);
	const single =
		(query.trace || query.callertrace) && page.data?.items.length === 1
			? page.data.items[0]
			: undefined;
	return (
		<>
			<h1>Audit</h1>
			<search className="filters" aria-label="Filter the audit log">
				<label>
					Operation{' '}
					<select value={query.operation} onChange={(e) => set('operation', e.target.value)}>
						<option value="">Any</option>
						{[...new Set(commands)].map((key) => (
							<option key={key}>{key}</option>
						))}
					</select>
				</label>
				<TextFilter
					label="Principal"
					value={query.principal}
					onChange={(v) => set('principal', v)}
				/>
				<label>
					Outcome{' '}
					<select value={query.outcome} onChange={(e) => set('outcome', e.target.value)}>
						<option value="">Any</option>
						<option value="ok">OK</option>
						<option value="problem">Problem</option>
					</select>
				</label>
				<TextFilter label="Problem code" value={query.code} onChange={(v) => set('code', v)} />
				<TextFilter label="Trace id" value={query.trace} onChange={(v) => set('trace', v)} />
				<TextFilter
					label="Caller's trace"
					value={query.callertrace}
					onChange={(v) => set('callertrace', v)}
				/>
				<label>
					From{' '}
					<input
						type="datetime-local"
						value={query.since}
						onChange={(e) => set('since', e.target.value)}
					/>
				</label>
				<label>
					Until{' '}
					<input
						type="datetime-local"
						value={query.until}
						onChange={(e) => set('until', e.target.value)}
					/>
				</label>
				<p className="muted">
					Tenant: {ctx.session.principal.tenant ?? 'none'} (yours; others are never shown)
				</p>
			</search>
			{page.error ? <p role="alert">{(page.error as Error).message}</p> : null}
			{single ? <AuditRecord record={single} /> : null}
			{page.data ? (
				page.data.items.length === 0 ? (
					<p>No audit record matches.</p>
				) : (
					<table data-testid="audit-table">
						<caption className="muted">Newest first</caption>
						<thead>
							<tr>
								<th scope="col">Started</th>
								<th scope="col">Operation</th>
								<th scope="col">Principal</th>
								<th scope="col">Result</th>
								<th scope="col">Trace</th>
							</tr>
						</thead>
						<tbody>
							{page.data.items.map((r) => (
								<tr key={r.id}>
									<td>{new Date(r.startedAt).toLocaleString()}</td>
									<td>{r.operation}</td>
									<td>{r.principalId ?? 'anonymous'}</td>
									<td>
										{r.resultCode} ({r.status})
									</td>
									<td>
										<a href={href('audit', { trace: r.traceId })}>{r.traceId.slice(0, 12)}…</a>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)
			) : (
				<p>Loading…</p>
			)}
			<p className="pager">
				{before.length > 0 ? (
					<button type="button" onClick={() => setBefore(before.slice(0, -1))}>
						Newer
					</button>
				) : null}{' '}
				{page.data?.nextBefore ? (
					<button type="button" onClick={() => setBefore([...before, page.data!.nextBefore!])}>
						Older
					</button>
				) : null}
			</p>
		</>
	);
}

function TextFilter(props: {
	readonly label: string;
	readonly value: string;
	readonly onChange: (v: string) => void;
}) {
	const [value, setValue] = useState(props.value);
	return (
		<label>
			{props.label}{' '}
			<input
				value={value}
				onChange={(e) => setValue(e.target.value)}
				onBlur={() => value !== props.value && props.onChange(value.trim())}
				onKeyDown={(e) => {
					if (e.key === 'Enter') props.onChange(value.trim());
				}}
			/>
		</label>
	);
}

function AuditRecord(props: { readonly record: AuditRecordView }) {
	const r = props.record;
	const rows: [string, string][] = [
		['Operation', `${r.operation} v${r.version}`],
		['Principal', r.principalId ?? 'anonymous'],
		['Tenant', r.tenant ?? '—'],
		['Result', `${r.resultCode} (${r.status})${r.replayed ? ', replayed' : ''}`],
		['Input digest (SHA-256)', r.inputDigest],
		['Idempotency-Key', r.idempotencyKey ?? '—'],
		['Trace id', r.traceId],
		["Caller's trace", r.callerTraceId ?? '—'],
		['Records', r.records.join(', ') || '—'],
		['Started', r.startedAt],
		['Finished', r.finishedAt],
	];
	return (
		<section aria-labelledby="record-title" className="record" data-testid="audit-record">
			<h2 id="record-title">Audit record {r.id}</h2>
			<dl className="facts">
				{rows.map(([label, value]) => (
					<div key={label}>
						<dt>{label}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<p>
				<a href={href('events', { cause: r.id })} data-testid="record-events">
					Events it caused
				</a>{' '}
				<span className="muted">(in the live view, since you signed in)</span> ·{' '}
				<a href={href('catalog', { page: `operations/${r.operation}@${r.version}.html` })}>
					Catalog entry
				</a>
			</p>
		</section>
	);
}
