import type { Infer } from '@charter/schema';
import type { WorkflowStepModel } from '../definition/definition.schema.ts';
import { GuardExpressionError } from './guard-error.ts';
import { parseGuard } from './guard-parser.ts';

export type WorkflowStep = Infer<typeof WorkflowStepModel>;

/** The part of a definition the validator reads. */
export interface DefinitionShape {
	readonly steps: readonly WorkflowStep[];
}

/** One reason a definition cannot be published, with a JSON pointer into the definition. */
export interface DefinitionIssue {
	readonly path: string;
	readonly code: DefinitionIssueCode;
	readonly message: string;
}

export type DefinitionIssueCode =
	| 'NO_STEPS'
	| 'DUPLICATE_STEP_KEY'
	| 'START_COUNT'
	| 'NO_END'
	| 'END_UNREACHABLE'
	| 'UNREACHABLE_STEP'
	| 'NO_PATH_TO_END'
	| 'UNKNOWN_TARGET'
	| 'TRANSITION_INTO_START'
	| 'TRANSITION_COUNT'
	| 'MISSING_ACTION'
	| 'DUPLICATE_ACTION'
	| 'MISPLACED_FIELD'
	| 'CONDITION_DEFAULT'
	| 'MISSING_GUARD'
	| 'INVALID_GUARD'
	| 'APPROVAL_MODE'
	| 'APPROVAL_APPROVERS'
	| 'APPROVAL_OUTCOME'
	| 'CHANGES_TARGET'
	| 'WAIT_DURATION';

const APPROVAL_OUTCOMES = ['APPROVED', 'REJECTED', 'CHANGES_REQUESTED'];

/**
 * Checks that a definition can run: exactly one START, an END reachable from it, every step
 * reachable and able to finish, every transition target existing, and each step type's own
 * rules (TASK actions, CONDITION guards and default, APPROVAL mode, approvers and outcomes,
 * WAIT duration). Returns every issue, an empty list when the definition is valid.
 *
 * @example validateDefinition(draft).map((i) => `${i.path}: ${i.message}`)
 */
export function validateDefinition(definition: DefinitionShape): DefinitionIssue[] {
	const issues: DefinitionIssue[] = [];
	const add = (path: string, code: DefinitionIssueCode, message: string) =>
		issues.push({ path, code, message });
	const { steps } = definition;
	if (steps.length === 0) {
		add('/steps', 'NO_STEPS', 'a definition needs at least a START and an END step');
		return issues;
	}

	const byKey = new Map<string, WorkflowStep>();
	steps.forEach((step, index) => {
		if (byKey.has(step.key)) {
			add(`/steps/${index}/key`, 'DUPLICATE_STEP_KEY', `step key "${step.key}" is used twice`);
		} else byKey.set(step.key, step);
	});

	const starts = steps.filter((s) => s.type === 'START');
	if (starts.length !== 1) {
		add(
			'/steps',
			'START_COUNT',
			`a definition needs exactly one START step, found ${starts.length}`,
		);
	}
	if (!steps.some((s) => s.type === 'END'))
		add('/steps', 'NO_END', 'a definition needs an END step');

	steps.forEach((step, index) => {
		const at = `/steps/${index}`;
		step.transitions.forEach((transition, t) => {
			const target = byKey.get(transition.to);
			if (!target) {
				add(
					`${at}/transitions/${t}/to`,
					'UNKNOWN_TARGET',
					`no step has the key "${transition.to}"`,
				);
			} else if (target.type === 'START') {
				add(
					`${at}/transitions/${t}/to`,
					'TRANSITION_INTO_START',
					'no transition may lead back to START',
				);
			}
		});
		checkStepType(step, at, byKey, add);
	});

	const [start] = starts;
	if (starts.length === 1 && start) checkReachability(steps, start, byKey, add);
	return issues;
}

type Add = (path: string, code: DefinitionIssueCode, message: string) => void;

function checkStepType(step: WorkflowStep, at: string, byKey: Map<string, WorkflowStep>, add: Add) {
	const { transitions } = step;
	const misplaced = (field: keyof WorkflowStep, allowed: string) => {
		if (step[field] !== undefined) {
			add(`${at}/${field}`, 'MISPLACED_FIELD', `\`${field}\` only applies to ${allowed} steps`);
		}
	};
	if (step.type !== 'APPROVAL') misplaced('approval', 'APPROVAL');
	if (step.type !== 'WAIT') misplaced('waitSeconds', 'WAIT');
	if (step.type !== 'TASK' && step.type !== 'APPROVAL')
		misplaced('timeoutSeconds', 'TASK and APPROVAL');
	if (step.type !== 'TASK') misplaced('assigneeRole', 'TASK');
	transitions.forEach((transition, t) => {
		if (
			step.type !== 'CONDITION' &&
			(transition.guard !== undefined || transition.isDefault !== undefined)
		) {
			add(
				`${at}/transitions/${t}`,
				'MISPLACED_FIELD',
				'guards and defaults only apply to CONDITION steps',
			);
		}
	});

	switch (step.type) {
		case 'START':
		case 'WAIT':
			if (transitions.length !== 1) {
				add(
					`${at}/transitions`,
					'TRANSITION_COUNT',
					`a ${step.type} step needs exactly one transition, found ${transitions.length}`,
				);
			}
			if (step.type === 'WAIT' && step.waitSeconds === undefined) {
				add(`${at}/waitSeconds`, 'WAIT_DURATION', 'a WAIT step needs a duration (waitSeconds)');
			}
			break;
		case 'END':
			if (transitions.length > 0) {
				add(`${at}/transitions`, 'TRANSITION_COUNT', 'an END step has no transitions');
			}
			break;
		case 'TASK':
			checkActions(step, at, add);
			break;
		case 'CONDITION': {
			const defaults = transitions.filter((t) => t.isDefault === true);
			if (defaults.length !== 1) {
				add(
					`${at}/transitions`,
					'CONDITION_DEFAULT',
					`a CONDITION step needs exactly one default transition, found ${defaults.length}`,
				);
			}
			transitions.forEach((transition, t) => {
				if (transition.isDefault === true) return;
				if (transition.guard === undefined) {
					add(
						`${at}/transitions/${t}/guard`,
						'MISSING_GUARD',
						'a non-default transition of a CONDITION step needs a guard',
					);
					return;
				}
				try {
					parseGuard(transition.guard);
				} catch (error) {
					if (!(error instanceof GuardExpressionError)) throw error;
					add(`${at}/transitions/${t}/guard`, 'INVALID_GUARD', error.message);
				}
			});
			break;
		}
		case 'APPROVAL': {
			if (!step.approval?.mode) {
				add(
					`${at}/approval/mode`,
					'APPROVAL_MODE',
					'an APPROVAL step needs a mode (ANY, ALL, MAJORITY or SEQUENTIAL)',
				);
			}
			if (!step.approval?.approvers || step.approval.approvers.length === 0) {
				add(
					`${at}/approval/approvers`,
					'APPROVAL_APPROVERS',
					'an APPROVAL step needs at least one approver',
				);
			}
			checkActions(step, at, add);
			transitions.forEach((transition, t) => {
				if (transition.action !== undefined && !APPROVAL_OUTCOMES.includes(transition.action)) {
					add(
						`${at}/transitions/${t}/action`,
						'APPROVAL_OUTCOME',
						`"${transition.action}" is not an approval outcome (APPROVED, REJECTED, CHANGES_REQUESTED)`,
					);
				}
				if (
					transition.action === 'CHANGES_REQUESTED' &&
					byKey.get(transition.to) &&
					byKey.get(transition.to)?.type !== 'TASK'
				) {
					add(
						`${at}/transitions/${t}/to`,
						'CHANGES_TARGET',
						'CHANGES_REQUESTED must lead back to a TASK step',
					);
				}
			});
			for (const outcome of ['APPROVED', 'REJECTED']) {
				if (!transitions.some((t) => t.action === outcome)) {
					add(
						`${at}/transitions`,
						'APPROVAL_OUTCOME',
						`an APPROVAL step needs a transition for ${outcome}`,
					);
				}
			}
			break;
		}
	}
}

/** TASK and APPROVAL transitions are chosen by action: each needs one, and only once. */
function checkActions(step: WorkflowStep, at: string, add: Add) {
	if (step.transitions.length === 0) {
		add(
			`${at}/transitions`,
			'TRANSITION_COUNT',
			`a ${step.type} step needs at least one transition`,
		);
	}
	const seen = new Set<string>();
	step.transitions.forEach((transition, t) => {
		if (transition.action === undefined) {
			add(
				`${at}/transitions/${t}/action`,
				'MISSING_ACTION',
				`each transition of a ${step.type} step needs an action`,
			);
		} else if (seen.has(transition.action)) {
			add(
				`${at}/transitions/${t}/action`,
				'DUPLICATE_ACTION',
				`action "${transition.action}" is used twice`,
			);
		} else seen.add(transition.action);
	});
}

function checkReachability(
	steps: readonly WorkflowStep[],
	start: WorkflowStep,
	byKey: Map<string, WorkflowStep>,
	add: Add,
) {
	const successors = (step: WorkflowStep) =>
		step.transitions.map((t) => byKey.get(t.to)).filter((s): s is WorkflowStep => s !== undefined);
	const reachable = new Set<WorkflowStep>([start]);
	const queue = [start];
	while (queue.length > 0) {
		for (const next of successors(queue.shift() as WorkflowStep)) {
			if (!reachable.has(next)) {
				reachable.add(next);
				queue.push(next);
			}
		}
	}
	// Steps that can finish: ENDs, then anything with a transition into that set (fixed point).
	const finishing = new Set(steps.filter((s) => s.type === 'END'));
	for (let grew = true; grew; ) {
		grew = false;
		for (const step of steps) {
			if (!finishing.has(step) && successors(step).some((s) => finishing.has(s))) {
				finishing.add(step);
				grew = true;
			}
		}
	}
	const hasEnd = steps.some((s) => s.type === 'END');
	if (hasEnd && ![...reachable].some((s) => s.type === 'END')) {
		add('/steps', 'END_UNREACHABLE', 'no END step can be reached from START');
	}
	steps.forEach((step, index) => {
		if (!byKey.has(step.key) || byKey.get(step.key) !== step) return;
		if (!reachable.has(step)) {
			add(`/steps/${index}`, 'UNREACHABLE_STEP', `step "${step.key}" cannot be reached from START`);
		} else if (hasEnd && !finishing.has(step)) {
			add(
				`/steps/${index}`,
				'NO_PATH_TO_END',
				`no END step can be reached from step "${step.key}"`,
			);
		}
	});
}
