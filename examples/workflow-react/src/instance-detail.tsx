import { ContractForm, useContractMutation, useContractQuery } from '@charter/react';
import {
	AvailableActionsContract,
	DecideApprovalContract,
	GetInstanceContract,
	PauseWorkflowContract,
	ResumeWorkflowContract,
} from './contracts.ts';

/** One instance: where it stands, and the forms of what the caller may do now. */
export function InstanceDetail(props: { readonly instanceId: string }) {
	const { instanceId } = props;
	const instance = useContractQuery(GetInstanceContract, { instanceId });
	const actions = useContractQuery(AvailableActionsContract, { instanceId });
	const pause = useContractMutation(PauseWorkflowContract);
	const resume = useContractMutation(ResumeWorkflowContract);
	const decide = useContractMutation(DecideApprovalContract);
	if (instance.error)
		return <p role="alert">{instance.error.problem.detail ?? instance.error.problem.title}</p>;
	if (!instance.data) return <p>Loading…</p>;
	const offered = actions.data?.actions ?? [];
	const decision = offered.find((a) => a.kind === 'DECIDE');
	return (
		<section aria-labelledby="instance-title" data-testid="detail">
			<h2 id="instance-title">{String(instance.data.context.reason ?? instanceId)}</h2>
			<dl>
				<dt>Status</dt>
				<dd data-testid="detail-status">{instance.data.status}</dd>
				<dt>Step</dt>
				<dd>{instance.data.currentStepKey ?? '—'}</dd>
				<dt>Amount</dt>
				<dd>{String(instance.data.context.amount ?? '—')}</dd>
				{instance.data.pauseReason ? (
					<>
						<dt>Paused because</dt>
						<dd>{instance.data.pauseReason}</dd>
					</>
				) : null}
			</dl>
			{offered.some((a) => a.kind === 'PAUSE') ? (
				<ContractForm
					key={`pause-${instanceId}`}
					contract={PauseWorkflowContract}
					title="Pause this instance"
					defaultValues={{ instanceId }}
					fields={{ instanceId: false }}
					onSubmit={(input) => pause.mutateAsync(input)}
					submitLabel="Pause"
				/>
			) : null}
			{offered.some((a) => a.kind === 'RESUME') ? (
				<ContractForm
					key={`resume-${instanceId}`}
					contract={ResumeWorkflowContract}
					title="Resume this instance"
					defaultValues={{ instanceId }}
					fields={{ instanceId: false }}
					onSubmit={(input) => resume.mutateAsync(input)}
					submitLabel="Resume"
				/>
			) : null}
			{decision?.approvalRequestId ? (
				<ContractForm
					key={`decide-${decision.approvalRequestId}`}
					contract={DecideApprovalContract}
					title="Decide this approval"
					defaultValues={{ requestId: decision.approvalRequestId }}
					fields={{ requestId: false }}
					onSubmit={(input) => decide.mutateAsync(input)}
					submitLabel="Send decision"
				/>
			) : null}
		</section>
	);
}
