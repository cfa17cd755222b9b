import { useContractQuery } from '@charter/react';
import { useState } from 'react';
import { InstanceStatusEnum, ListInstancesContract } from './contracts.ts';

type Status = (typeof InstanceStatusEnum.values)[number];

/** The organization's instances, newest first, filtered by status and definition. */
export function InstanceList(props: {
	readonly selected: string | undefined;
	readonly onSelect: (id: string) => void;
}) {
	const [status, setStatus] = useState<Status | ''>('');
	const [definitionKey, setDefinitionKey] = useState('');
	const list = useContractQuery(ListInstancesContract, {
		limit: 50,
		...(status ? { status } : {}),
		...(definitionKey ? { definitionKey } : {}),
	});
	return (
		<section aria-labelledby="instances-title">
			<h2 id="instances-title">Instances</h2>
			<div className="filters">
				<label>
					Status{' '}
					<select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
						<option value="">Any</option>
						{InstanceStatusEnum.values.map((value) => (
							<option key={value} value={value}>
								{value}
							</option>
						))}
					</select>
				</label>
				<label>
					Definition{' '}
					<input value={definitionKey} onChange={(e) => setDefinitionKey(e.target.value.trim())} />
				</label>
			</div>
			{list.error ? (
				<p role="alert">{list.error.problem.detail ?? list.error.problem.title}</p>
			) : null}
			<table>
				<thead>
					<tr>
						<th scope="col">Reason</th>
						<th scope="col">Status</th>
						<th scope="col">Step</th>
						<th scope="col">Definition</th>
					</tr>
				</thead>
				<tbody>
					{list.data?.items.map((instance) => (
						<tr
							key={instance.id}
							data-instance={instance.id}
							aria-selected={instance.id === props.selected}
						>
							<td>
								<button type="button" onClick={() => props.onSelect(instance.id)}>
									{String(instance.context.reason ?? instance.id)}
								</button>
							</td>
							<td data-testid="status">{instance.status}</td>
							<td>{instance.currentStepKey ?? '—'}</td>
							<td>{instance.definitionKey}</td>
						</tr>
					))}
				</tbody>
			</table>
			{list.isPending ? <p>Loading…</p> : null}
		</section>
	);
}
