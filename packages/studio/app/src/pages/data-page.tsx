import {
	CharterProvider,
	ContractForm,
	createCharterQueries,
	createClient,
	useContractQuery,
} from '@charter/react';
import type { OperationSpec } from '@charter/spec';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import {
	actionDefaults,
	actionsQuery,
	itemCommands,
	itemQuery,
	type PageQuery,
	pageQuery,
} from '../../../src/views/data-views.ts';
import type { StudioContext } from '../app.tsx';
import { recordCall } from '../call-history.ts';
import { ConfirmPanel } from '../confirm-panel.tsx';
import { useOnEvent } from '../live-feed.ts';
import { callOperation, serverValidator } from '../operation-call.ts';
import { href, useRoute } from '../router.ts';

type Item = Record<string, unknown>;

/** Every list query whose output is a page of items, shown as a table or a board. */
export function DataPage(props: { readonly ctx: StudioContext }) {
	const { ctx } = props;
	const route = useRoute();
	const served = useMemo(
		() =>
			ctx.catalog.contracts.filter((c) =>
				ctx.catalog.served.includes(`${c.meta.key}@${c.meta.version}`),
			),
		[ctx.catalog],
	);
	const pages = useMemo(() => served.map(pageQuery).filter((p) => p !== undefined), [served]);
	const charter = useMemo(
		() =>
			createCharterQueries(
				createClient(served as never, {
					baseUrl: new URL(ctx.session.surfaces.rest || '/', location.origin).href,
					token: ctx.token,
				}),
			),
		[served, ctx.token, ctx.session.surfaces.rest],
	);
	// Any event may change what a view shows: its queries are read again.
	const queryClient = useQueryClient();
	useOnEvent(
		ctx.feed,
		useCallback(() => {
			void queryClient.invalidateQueries({ queryKey: ['charter'] });
		}, [queryClient]),
	);
	const id = route.path[1];
	const page = pages.find((p) => `${p.spec.meta.key}@${p.spec.meta.version}` === id);
	return (
		<CharterProvider value={charter}>
			<h1>Data</h1>
			<nav aria-label="Data views" className="subnav">
				<ul>
					{pages.map((p) => {
						const pid = `${p.spec.meta.key}@${p.spec.meta.version}`;
						return (
							<li key={pid}>
								<a href={href(`data/${pid}`)} aria-current={pid === id ? 'page' : undefined}>
									{p.spec.meta.key}
								</a>
							</li>
						);
					})}
				</ul>
			</nav>
			{page ? (
				<ListView key={id} ctx={ctx} page={page} served={served} />
			) : (
				<p>Choose a list; each is a query whose output is a page of items.</p>
			)}
		</CharterProvider>
	);
}

function ListView(props: {
	readonly ctx: StudioContext;
	readonly page: PageQuery;
	readonly served: readonly OperationSpec[];
}) {
	const { ctx, page, served } = props;
	const [filters, setFilters] = useState<Item>({});
	const [cursors, setCursors] = useState<string[]>([]);
	const [groupBy, setGroupBy] = useState(page.groupBy[0]?.field ?? '');
	const [open, setOpen] = useState<string>();
	const cursor = cursors.at(-1);
	const input = { ...filters, ...(cursor && page.cursor ? { [page.cursor.input]: cursor } : {}) };
	const list: { data?: unknown; error: unknown; isPending: boolean } = useContractQuery(
		page.spec as never,
		input as never,
	);
	const data = list.data as Item | undefined;
	const items = (data?.[page.itemsField] as Item[] | undefined) ?? [];
	const next = page.cursor ? (data?.[page.cursor.output] as string | null | undefined) : undefined;
	const get = useMemo(() => itemQuery(page.item, served), [page, served]);
	const columns = Object.entries(page.item.fields)
		.filter(([, f]) => f.type.kind === 'scalar' || f.type.kind === 'enum')
		.filter(([, f]) => !f.isArray)
		.slice(0, 6)
		.map(([name]) => name);
	const group = page.groupBy.find((g) => g.field === groupBy);
	const validator = useMemo(() => serverValidator(ctx.token, page.spec), [ctx.token, page.spec]);
	const openItem = (item: Item) => setOpen(String(item.id));
	return (
		<section aria-labelledby="view-title">
			<h2 id="view-title">{page.spec.meta.description ?? page.spec.meta.key}</h2>
			<details className="filters-form">
				<summary>Filters</summary>
				<ContractForm
					contract={page.spec as never}
					title={`Filters of ${page.spec.meta.key}`}
					validator={validator}
					fields={page.cursor ? { [page.cursor.input]: false } : {}}
					submitLabel="Apply filters"
					onSubmit={(value) => {
						setCursors([]);
						setFilters(value as Item);
					}}
				/>
			</details>
			{page.groupBy.length > 0 ? (
				<label>
					Show{' '}
					<select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
						<option value="">as a table</option>
						{page.groupBy.map((g) => (
							<option key={g.field} value={g.field}>
								in columns by {g.field}
							</option>
						))}
					</select>
				</label>
			) : null}
			{list.error ? <p role="alert">{(list.error as { message: string }).message}</p> : null}
			{list.isPending ? <p>Loading…</p> : null}
			{group ? (
				<div className="board" data-testid="board">
					{group.values.map((value) => {
						const inColumn = items.filter((item) => item[group.field] === value);
						return (
							<section
								key={value}
								className="column"
								aria-labelledby={`col-${value}`}
								data-column={value}
							>
								<h3 id={`col-${value}`}>
									{value} <span className="muted">({inColumn.length})</span>
								</h3>
								<ul>
									{inColumn.map((item) => (
										<li key={String(item.id)} data-item={String(item.id)}>
											<button type="button" className="card" onClick={() => openItem(item)}>
												{summaryOf(item, columns, group.field)}
											</button>
										</li>
									))}
								</ul>
							</section>
						);
					})}
				</div>
			) : (
				<table data-testid="data-table">
					<thead>
						<tr>
							{columns.map((c) => (
								<th key={c} scope="col">
									{c}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{items.map((item) => (
							<tr key={String(item.id)} data-item={String(item.id)}>
								{columns.map((c, i) => (
									<td key={c}>
										{i === 0 ? (
											<button type="button" className="link" onClick={() => openItem(item)}>
												{display(item[c])}
											</button>
										) : (
											display(item[c])
										)}
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			)}
			<p className="pager">
				{cursors.length > 0 ? (
					<button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
						Previous page
					</button>
				) : null}{' '}
				{next ? (
					<button type="button" onClick={() => setCursors([...cursors, next])}>
						Next page
					</button>
				) : null}
			</p>
			{open && get ? (
				<ItemPanel
					key={open}
					ctx={ctx}
					id={open}
					get={get}
					served={served}
					onClose={() => setOpen(undefined)}
				/>
			) : null}
			{open && !get ? <p>No query gives one {page.item.name} by its id.</p> : null}
		</section>
	);
}

/** One item, read with its get query, and the actions the viewer may take on it now. */
function ItemPanel(props: {
	readonly ctx: StudioContext;
	readonly id: string;
	readonly get: NonNullable<ReturnType<typeof itemQuery>>;
	readonly served: readonly OperationSpec[];
	readonly onClose: () => void;
}) {
	const { ctx, id, get, served } = props;
	const item: { data?: unknown } = useContractQuery(
		get.spec as never,
		{ [get.idInput]: id } as never,
	);
	const actionsSpec = useMemo(() => actionsQuery(get.idInput, served), [get, served]);
	const actions: { data?: unknown } = useContractQuery(
		(actionsSpec?.spec ?? get.spec) as never,
		{ [get.idInput]: id } as never,
		{ enabled: actionsSpec !== undefined } as never,
	);
	const commands = useMemo(() => itemCommands(get.idInput, served), [get, served]);
	// Offered: commands the viewer's policy does not deny, and (when the project has an actions
	// query) only those it lists for the item's current state.
	const listed = actionsSpec
		? (((actions.data as Item | undefined)?.[actionsSpec.listField] as Item[] | undefined) ?? [])
		: undefined;
	const offered = commands
		.filter((c) => ctx.session.access[`${c.meta.key}@${c.meta.version}`] !== 'denied')
		.flatMap((c) => {
			if (!listed) return [{ command: c, entry: {} as Item }];
			return listed
				.filter((entry) => entry.operation === c.meta.key)
				.map((entry) => ({ command: c, entry }));
		});
	return (
		<aside aria-labelledby="item-title" className="item-panel" data-testid="item-panel">
			<h3 id="item-title">
				{get.spec.meta.key} {id}
			</h3>
			<button type="button" className="link" onClick={props.onClose}>
				Close
			</button>
			{item.data ? <pre>{JSON.stringify(item.data, null, 2)}</pre> : <p>Loading…</p>}
			<h4>Actions</h4>
			{offered.length === 0 ? <p>None offered to you now.</p> : null}
			{offered.map(({ command, entry }) => (
				<ActionForm
					key={`${command.meta.key}-${JSON.stringify(entry)}`}
					ctx={ctx}
					command={command}
					idInput={get.idInput}
					id={id}
					entry={entry}
				/>
			))}
		</aside>
	);
}

function ActionForm(props: {
	readonly ctx: StudioContext;
	readonly command: OperationSpec;
	readonly idInput: string;
	readonly id: string;
	readonly entry: Item;
}) {
	const { ctx, command, idInput, id, entry } = props;
	const defaults = actionDefaults(command, idInput, id, entry);
	const [pending, setPending] = useState<unknown>();
	const [outcome, setOutcome] = useState<string>();
	const validator = useMemo(() => serverValidator(ctx.token, command), [ctx.token, command]);
	const verb = command.meta.key.split('.').at(-1)!;
	const label = verb[0]!.toUpperCase() + verb.slice(1);
	async function send(input: unknown) {
		setPending(undefined);
		const result = await callOperation(command, input, {
			token: ctx.token,
			restBase: ctx.session.surfaces.rest,
		});
		recordCall({
			at: new Date().toISOString(),
			operation: command.meta.key,
			version: command.meta.version,
			as: ctx.session.principal.id,
			status: result.status,
			...(result.traceId ? { traceId: result.traceId } : {}),
			input,
			body: result.body,
		});
		const problem = result.body as { title?: string; detail?: string };
		setOutcome(
			result.ok
				? `${label}: done (${result.status})`
				: `${label} refused: ${problem.detail ?? problem.title}`,
		);
	}
	return (
		<div className="action">
			<ContractForm
				contract={command as never}
				title={`${label} ${id}`}
				defaultValues={defaults as never}
				fields={Object.fromEntries(Object.keys(defaults).map((name) => [name, false]))}
				validator={validator}
				submitLabel={label}
				onSubmit={(input) => (command.destructive ? setPending(input) : send(input))}
			/>
			{pending !== undefined ? (
				<ConfirmPanel
					operation={command.meta.key}
					who={ctx.session.principal.id}
					input={pending}
					onConfirm={() => send(pending)}
					onCancel={() => setPending(undefined)}
				/>
			) : null}
			{outcome ? <p role="status">{outcome}</p> : null}
		</div>
	);
}

function display(value: unknown): string {
	if (value === undefined || value === null) return '—';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function summaryOf(item: Item, columns: readonly string[], except: string): string {
	return columns
		.filter((c) => c !== except && c !== 'id')
		.slice(0, 3)
		.map((c) => display(item[c]))
		.join(' · ');
}
