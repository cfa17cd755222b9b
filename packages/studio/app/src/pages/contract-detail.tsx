import type { EventPage, ModelPage, OperationPage, TypeSection } from '@charter/docs';
import type { StudioContext } from '../app.tsx';
import { href } from '../router.ts';

/** One contract's facts, as its docs page has them, with its governance state and a way to run it. */
export function ContractDetail(props: {
	readonly ctx: StudioContext;
	readonly page: OperationPage | EventPage | ModelPage;
}) {
	const { page, ctx } = props;
	const docs = ctx.session.surfaces.docs;
	const key = page.kind === 'model' ? page.name : page.key;
	const governance = ctx.catalog.governance;
	const findings = governance?.findings.filter((f) => f.key === key) ?? [];
	const changes = governance?.changes.filter((c) => c.key === key) ?? [];
	return (
		<article aria-labelledby="contract-title" className="detail">
			<p>
				<a href={href('catalog')}>← Catalog</a>
			</p>
			<h1 id="contract-title">{page.title}</h1>
			{page.description ? <p>{page.description}</p> : null}
			{'deprecation' in page && page.deprecation ? (
				<p className="warning" role="note">
					{page.deprecation.message}
				</p>
			) : null}
			<p className="actions">
				{page.kind === 'operation' ? (
					<a className="button" href={href(`run/${page.key}@${page.version}`)}>
						Run {page.key}
					</a>
				) : null}
				{docs ? (
					<a href={`${docs}/${page.path}`} target="_blank" rel="noreferrer">
						Docs page
					</a>
				) : null}
			</p>
			{'facts' in page ? (
				<dl className="facts">
					{page.facts.map((fact) => (
						<div key={fact.id}>
							<dt>{fact.label}</dt>
							<dd>{fact.value}</dd>
						</div>
					))}
				</dl>
			) : null}
			{page.kind === 'operation' ? <OperationFacts page={page} /> : null}
			{page.kind === 'event' ? <EventFacts page={page} /> : null}
			{page.kind === 'model' ? (
				<Fields title="Fields" section={{ type: { text: page.name }, fields: page.fields }} />
			) : null}
			<h2>Governance</h2>
			{governance ? (
				<>
					<p>
						Lockfile {governance.lockfile} is {governance.status}.{' '}
						{changes.length === 0 ? 'No change of this contract against it.' : null}
					</p>
					{changes.length > 0 ? (
						<ul>
							{changes.map((c) => (
								<li key={`${c.ruleId}-${c.path}-${c.version}`}>
									<span className={`badge sev-${c.severity}`}>{c.severity}</span> {c.message}{' '}
									<code>{c.path}</code>
								</li>
							))}
						</ul>
					) : null}
					{findings.length === 0 ? (
						<p>No check finding.</p>
					) : (
						<ul>
							{findings.map((f) => (
								<li key={`${f.ruleId}-${f.field ?? ''}-${f.message}`}>
									<span className={`badge sev-${f.severity}`}>{f.severity}</span> {f.ruleId}:{' '}
									{f.message}
								</li>
							))}
						</ul>
					)}
				</>
			) : (
				<p>This server reports no governance state.</p>
			)}
		</article>
	);
}

function OperationFacts(props: { readonly page: OperationPage }) {
	const { page } = props;
	return (
		<>
			{page.goal ? (
				<p>
					<strong>Goal:</strong> {page.goal}
				</p>
			) : null}
			{page.context ? (
				<p>
					<strong>Context:</strong> {page.context}
				</p>
			) : null}
			<h2>Wire names</h2>
			<table>
				<tbody>
					<tr>
						<th scope="row">REST</th>
						<td>
							<code>
								{page.wire.rest.method} {page.wire.rest.path}
							</code>
						</td>
					</tr>
					<tr>
						<th scope="row">GraphQL</th>
						<td>
							<code>
								{page.wire.graphql.type}.{page.wire.graphql.field}
							</code>
						</td>
					</tr>
					<tr>
						<th scope="row">MCP</th>
						<td>
							<code>{page.wire.mcp.tool}</code>
						</td>
					</tr>
				</tbody>
			</table>
			<h2>Policy</h2>
			<ul data-testid="policy">
				{page.policy.sentences.map((s) => (
					<li key={s}>{s}</li>
				))}
			</ul>
			<Fields title="Input" section={page.input} />
			<h2>Errors</h2>
			{page.errors.length === 0 ? (
				<p>No declared error.</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">Code</th>
							<th scope="col">Status</th>
							<th scope="col">When</th>
						</tr>
					</thead>
					<tbody>
						{page.errors.map((e) => (
							<tr key={e.code}>
								<td>
									<code>{e.code}</code>
								</td>
								<td>{e.status}</td>
								<td>{e.description}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<h2>Events</h2>
			{page.events.length === 0 ? (
				<p>Emits no event.</p>
			) : (
				<ul>
					{page.events.map((e) => (
						<li key={e.key}>
							<code>{e.key}</code> v{e.version}
							{e.when ? ` — ${e.when}` : ''}
						</li>
					))}
				</ul>
			)}
		</>
	);
}

function EventFacts(props: { readonly page: EventPage }) {
	const { page } = props;
	return (
		<>
			<h2>Emitted by</h2>
			<ul>
				{page.emittedBy.map((e) => (
					<li key={e.href}>{e.text}</li>
				))}
			</ul>
			{page.payload ? <Fields title="Payload" section={page.payload} /> : null}
		</>
	);
}

function Fields(props: { readonly title: string; readonly section: TypeSection }) {
	const { section } = props;
	return (
		<>
			<h2>
				{props.title} <span className="muted">({section.type.text})</span>
			</h2>
			{section.fields.length === 0 ? null : (
				<table>
					<thead>
						<tr>
							<th scope="col">Field</th>
							<th scope="col">Type</th>
							<th scope="col">Required</th>
							<th scope="col">Description</th>
						</tr>
					</thead>
					<tbody>
						{section.fields.map((f) => (
							<tr key={f.name}>
								<td>
									<code>{f.name}</code>
								</td>
								<td>{f.type.text}</td>
								<td>{f.required ? 'yes' : 'no'}</td>
								<td>
									{f.description}
									{f.constraints.length > 0 ? ` (${f.constraints.join(', ')})` : ''}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</>
	);
}
