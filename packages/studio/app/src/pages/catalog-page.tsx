import type { EventPage, IndexEntry, ModelPage, OperationPage } from '@charter/docs';
import { useMemo, useState } from 'react';
import type { StudioContext } from '../app.tsx';
import { href, useRoute } from '../router.ts';
import { ContractDetail } from './contract-detail.tsx';

const KINDS = ['command', 'query', 'event', 'model', 'enum', 'union'] as const;

/** Every operation, event and model, grouped by feature, filtered and searched. */
export function CatalogPage(props: { readonly ctx: StudioContext }) {
	const { catalog } = props.ctx;
	const route = useRoute();
	const selected = route.query.get('page');
	const [search, setSearch] = useState(route.query.get('q') ?? '');
	const [kind, setKind] = useState('');
	const [owner, setOwner] = useState('');
	const [tag, setTag] = useState('');
	const [stability, setStability] = useState('');
	const pages = useMemo(() => {
		const byPath = new Map<string, OperationPage | EventPage | ModelPage>();
		for (const page of [...catalog.operations, ...catalog.events, ...catalog.modelPages])
			byPath.set(page.path, page);
		return byPath;
	}, [catalog]);
	if (selected) {
		const page = pages.get(selected);
		return page ? (
			<ContractDetail ctx={props.ctx} page={page} />
		) : (
			<p role="alert">No contract at {selected}.</p>
		);
	}
	const words = search.toLowerCase().split(/\s+/).filter(Boolean);
	const keep = (entry: IndexEntry) =>
		(!kind || entry.kind === kind) &&
		(!owner || entry.owners.includes(owner)) &&
		(!tag || entry.tags.includes(tag)) &&
		(!stability || entry.stability === stability) &&
		words.every((word) =>
			`${entry.title} ${entry.description ?? ''} ${entry.route ?? ''}`.toLowerCase().includes(word),
		);
	const groups = [
		...catalog.groups.map((g) => ({
			id: g.id,
			title: g.title,
			description: g.description,
			entries: [...g.operations, ...g.events].filter(keep),
		})),
		{ id: 'models', title: 'Models', description: undefined, entries: catalog.models.filter(keep) },
	].filter((g) => g.entries.length > 0);
	const count = groups.reduce((n, g) => n + g.entries.length, 0);
	return (
		<>
			<h1>Catalog</h1>
			<GovernanceSummary ctx={props.ctx} />
			<search className="filters" aria-label="Filter the catalog">
				<label>
					Search{' '}
					<input
						type="search"
						value={search}
						placeholder="key, words, route"
						onChange={(e) => setSearch(e.target.value)}
					/>
				</label>
				<Choice label="Kind" value={kind} onChange={setKind} options={KINDS} />
				<Choice label="Owner" value={owner} onChange={setOwner} options={catalog.filters.owners} />
				<Choice label="Tag" value={tag} onChange={setTag} options={catalog.filters.tags} />
				<Choice
					label="Stability"
					value={stability}
					onChange={setStability}
					options={catalog.filters.stabilities}
				/>
			</search>
			<p aria-live="polite" className="muted">
				{count} {count === 1 ? 'contract' : 'contracts'}
			</p>
			{groups.map((group) => (
				<section key={group.id} aria-labelledby={`group-${group.id}`} className="group">
					<h2 id={`group-${group.id}`}>{group.title}</h2>
					{group.description ? <p className="muted">{group.description}</p> : null}
					<ul className="entries">
						{group.entries.map((entry) => (
							<li key={entry.href}>
								<a href={href('catalog', { page: entry.href })} data-key={entry.title}>
									<span className={`kind kind-${entry.kind}`}>{entry.kind}</span>{' '}
									<strong>{entry.title}</strong>
									{entry.version ? <span className="muted"> v{entry.version}</span> : null}
								</a>
								{entry.stability && entry.stability !== 'stable' ? (
									<span className="badge">{entry.stability}</span>
								) : null}
								{entry.description ? <p className="muted">{entry.description}</p> : null}
							</li>
						))}
					</ul>
				</section>
			))}
		</>
	);
}

function Choice(props: {
	readonly label: string;
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly options: readonly string[];
}) {
	return (
		<label>
			{props.label}{' '}
			<select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
				<option value="">Any</option>
				{props.options.map((option) => (
					<option key={option} value={option}>
						{option}
					</option>
				))}
			</select>
		</label>
	);
}

function GovernanceSummary(props: { readonly ctx: StudioContext }) {
	const governance = props.ctx.catalog.governance;
	if (!governance) return null;
	const errors = governance.findings.filter((f) => f.severity === 'error').length;
	return (
		<p className="governance" data-testid="governance">
			Lockfile <code>{governance.lockfile}</code>: <strong>{governance.status}</strong>
			{governance.changes.length > 0 ? `, ${governance.changes.length} changes since it` : ''};{' '}
			{governance.findings.length} check findings{errors > 0 ? ` (${errors} errors)` : ''}.
		</p>
	);
}
