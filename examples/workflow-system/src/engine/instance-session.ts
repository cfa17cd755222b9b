import { ContractError } from '@charter/runtime';
import { type ApprovalOutcome, evaluateApproval } from '../domain/approval-mode.ts';
import type { WorkflowStep } from '../domain/definition-validator.ts';
import { checkGuard } from '../domain/guard-evaluator.ts';
import { applyInstanceCommand, type InstanceCommand } from '../domain/instance-state-machine.ts';
import type { IdSource } from '../shared/id-source.ts';
import {
	type ApprovalRequestRecord,
	type DefinitionRecord,
	type HistoryRecord,
	type InstanceRecord,
	instanceView,
	requestView,
} from '../store/workflow-records.ts';
import type { WorkflowRepositories } from '../store/workflow-repository.ts';

/** Who acts when the engine moves on by itself (automatic steps, timers). */
export const SYSTEM_ACTOR = 'system';

/** Most automatic moves in one command: a guard cycle fails the instance instead of hanging. */
const MAX_AUTOMATIC_MOVES = 100;

/** An event the engine produced, emitted by the handler after the changes are saved. */
export interface EngineEvent {
	readonly key: string;
	readonly payload: unknown;
}

/** What the engine needs around an instance. */
export interface SessionEnv {
	readonly ids: IdSource;
	/** The instant of the command, ISO 8601. */
	readonly now: string;
}

/**
 * One command's work on one instance: status changes through the state machine, step moves
 * with their history and approval requests, and the events they give. Nothing is written
 * until {@link InstanceSession.save}, which checks the optimistic revision first.
 */
export class InstanceSession {
	readonly events: EngineEvent[] = [];
	private readonly dirtyHistory = new Set<number>();
	private readonly dirtyRequests = new Set<string>();
	private moves = 0;
	/** Why the instance failed in this session, for the log. */
	failure: string | undefined;

	/** The instance as it was read, for commands that turn out to be no-ops. */
	readonly original: InstanceRecord;
	/** The instance as the command leaves it: already at the next revision, so events show it. */
	instance: InstanceRecord;

	constructor(
		readonly definition: DefinitionRecord,
		instance: InstanceRecord,
		readonly history: HistoryRecord[],
		readonly requests: Map<string, ApprovalRequestRecord>,
		/** The stored revision, or null for an instance not saved yet. */
		readonly baseRevision: number | null,
		readonly env: SessionEnv,
	) {
		this.original = instance;
		this.instance = { ...instance, revision: (baseRevision ?? 0) + 1, updatedAt: env.now };
	}

	/** Reads an instance of the organization with its definition, history and requests. */
	static async open(
		repos: WorkflowRepositories,
		env: SessionEnv,
		organizationId: string,
		instanceId: string,
	): Promise<InstanceSession> {
		const instance = await repos.instances.get(organizationId, instanceId);
		if (!instance) throw new ContractError('NOT_FOUND', `no instance ${instanceId}`);
		const definition = await repos.definitions.get(organizationId, instance.definitionId);
		if (!definition) throw new Error(`instance ${instanceId} runs a missing definition`);
		const [history, requests] = await Promise.all([
			repos.instances.history(instanceId),
			repos.approvals.forInstance(instanceId),
		]);
		return new InstanceSession(
			definition,
			instance,
			history,
			new Map(requests.map((r) => [r.id, r])),
			instance.revision,
			env,
		);
	}

	/** The step the instance is on. */
	get step(): WorkflowStep | undefined {
		return this.findStep(this.instance.currentStepKey ?? undefined);
	}

	findStep(key: string | undefined): WorkflowStep | undefined {
		return key === undefined ? undefined : this.definition.steps.find((s) => s.key === key);
	}

	/** The approval requests of the current visit of the current step, in creation order. */
	currentRequests(): ApprovalRequestRecord[] {
		const { currentStepKey, visit } = this.instance;
		return [...this.requests.values()].filter(
			(r) => r.stepKey === currentStepKey && r.visit === visit,
		);
	}

	/**
	 * Applies a state-machine command; an illegal (status, command) pair is INVALID_STATE.
	 * Returns false when the command is an idempotent no-op.
	 */
	apply(command: InstanceCommand): boolean {
		const outcome = applyInstanceCommand(this.instance, command);
		if (!outcome.ok) throw new ContractError('INVALID_STATE', outcome.message);
		if (!outcome.changed) return false;
		this.instance = {
			...this.instance,
			status: outcome.status,
			previousStatus: outcome.previousStatus,
		};
		return true;
	}

	/** Stores a changed or new approval request. */
	putRequest(request: ApprovalRequestRecord): void {
		this.requests.set(request.id, request);
		this.dirtyRequests.add(request.id);
	}

	/** Closes every PENDING request of the instance (step left, instance cancelled or timed out). */
	closePendingRequests(): void {
		for (const request of this.requests.values()) {
			if (request.status === 'PENDING') this.putRequest({ ...request, status: 'CANCELLED' });
		}
	}

	/**
	 * Takes the transition of the current step labelled `action` (a TASK action or an approval
	 * outcome) and runs the engine until the instance waits or finishes.
	 */
	follow(action: string, actor: string, comment?: string): string | null {
		const transition = this.step?.transitions.find((t) => t.action === action);
		if (!transition) {
			throw new ContractError(
				'INVALID_ACTION',
				`step "${this.instance.currentStepKey}" offers no action ${action}`,
			);
		}
		if (this.instance.status === 'WAITING') this.apply('WAKE');
		this.enter(transition.to, actor, action, comment);
		return transition.to;
	}

	/** Enters a step and runs automatic steps (START, CONDITION, END) until the instance waits. */
	enter(stepKey: string, actor: string, action?: string | null, comment?: string | null): void {
		const step = this.findStep(stepKey);
		if (!step) {
			this.fail(`step "${stepKey}" does not exist in the definition`);
			return;
		}
		if (++this.moves > MAX_AUTOMATIC_MOVES) {
			this.fail(`more than ${MAX_AUTOMATIC_MOVES} steps in one command (a cycle?)`);
			return;
		}
		const from = this.instance.currentStepKey ?? null;
		const { now } = this.env;
		const last = this.history.at(-1);
		if (last && last.leftAt == null) this.putHistory({ ...last, leftAt: now });
		this.closePendingRequests();
		const sequence = (last?.sequence ?? 0) + 1;
		this.putHistory({
			instanceId: this.instance.id,
			sequence,
			stepKey,
			stepType: step.type,
			enteredAt: now,
			enteredBy: actor,
			action: action ?? null,
			comment: comment ?? null,
			leftAt: null,
		});
		this.instance = {
			...this.instance,
			currentStepKey: stepKey,
			stepEnteredAt: now,
			visit: sequence,
		};

		let next: string | undefined;
		let completed = false;
		switch (step.type) {
			case 'START':
				next = step.transitions[0]?.to;
				break;
			case 'TASK':
			case 'WAIT':
				this.apply('WAIT');
				break;
			case 'APPROVAL':
				this.openRequests(step);
				this.apply('WAIT');
				break;
			case 'CONDITION': {
				try {
					next = (
						step.transitions.find(
							(t) => t.guard !== undefined && checkGuard(t.guard, this.instance.context),
						) ?? step.transitions.find((t) => t.isDefault)
					)?.to;
				} catch (error) {
					this.fail(`guard of step "${stepKey}" failed: ${(error as Error).message}`);
					return;
				}
				break;
			}
			case 'END':
				this.apply('COMPLETE');
				this.instance = { ...this.instance, completedAt: now };
				completed = true;
				break;
		}
		if (from !== null) {
			this.events.push({
				key: 'workflow.instance.transitioned',
				payload: { instance: this.view(), fromStepKey: from, toStepKey: stepKey },
			});
		}
		if (completed) this.events.push({ key: 'workflow.instance.completed', payload: this.view() });
		if (step.type === 'START' || step.type === 'CONDITION') {
			if (next === undefined) {
				this.fail(`step "${stepKey}" has no way out`);
				return;
			}
			this.enter(next, SYSTEM_ACTOR);
		}
	}

	/** Ends the instance as FAILED (a guard that cannot be evaluated, a broken definition). */
	fail(reason: string): void {
		this.apply('FAIL');
		this.closePendingRequests();
		this.instance = { ...this.instance, completedAt: this.env.now };
		this.failure = reason;
		this.events.push({ key: 'workflow.instance.failed', payload: this.view() });
	}

	/** Evaluates the current APPROVAL step; a decided outcome follows its transition. */
	settleApproval(actor: string, comment?: string): ApprovalOutcome {
		const step = this.step;
		const mode = step?.approval?.mode ?? 'ANY';
		const { outcome } = evaluateApproval(mode, this.currentRequests());
		if (outcome !== 'PENDING') this.follow(outcome, actor, comment);
		return outcome;
	}

	/** The contract's view of the instance as it stands. */
	view() {
		return instanceView(this.instance);
	}

	/** The contract's view of a request. */
	requestView(id: string) {
		const request = this.requests.get(id);
		if (!request) throw new Error(`no request ${id} in this session`);
		return requestView(request);
	}

	/**
	 * Writes the instance at its next revision (a lost race throws `RevisionConflictError`
	 * before anything else is written), then the history and requests it changed. Handlers
	 * call it last, after emitting, so a refused event leaves nothing written.
	 */
	async save(repos: WorkflowRepositories): Promise<void> {
		const base = this.baseRevision;
		if (base === null) await repos.instances.insert(this.instance);
		else await repos.instances.update(this.instance, base);
		const entries = this.history.filter((h) => this.dirtyHistory.has(h.sequence));
		if (entries.length > 0) await repos.instances.saveHistory(entries);
		const requests = [...this.dirtyRequests].map((id) => this.requests.get(id)!);
		if (requests.length > 0) await repos.approvals.save(requests);
	}

	private putHistory(entry: HistoryRecord): void {
		const at = this.history.findIndex((h) => h.sequence === entry.sequence);
		if (at >= 0) this.history[at] = entry;
		else this.history.push(entry);
		this.dirtyHistory.add(entry.sequence);
	}

	private openRequests(step: WorkflowStep): void {
		const { now, ids } = this.env;
		const expireAfter = step.approval?.expireAfterSeconds;
		(step.approval?.approvers ?? []).forEach((assigneeId, order) => {
			this.putRequest({
				id: ids.next('apr'),
				instanceId: this.instance.id,
				stepKey: step.key,
				organizationId: this.instance.organizationId,
				assigneeId,
				order,
				status: 'PENDING',
				decision: null,
				decidedAt: null,
				decisionComment: null,
				delegatedFromId: null,
				delegatedToId: null,
				escalatedAt: null,
				expiresAt: expireAfter ? addSeconds(now, expireAfter) : null,
				createdAt: now,
				visit: this.instance.visit,
			});
		});
	}
}

/** Adds seconds to an ISO 8601 instant. */
export function addSeconds(iso: string, seconds: number): string {
	return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
