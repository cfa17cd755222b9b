import { describe, expect, it } from 'vitest';
import {
	type DefinitionIssue,
	validateDefinition,
	type WorkflowStep,
} from './definition-validator.ts';

const start = (to = 'end'): WorkflowStep => ({
	key: 'start',
	name: 'Start',
	type: 'START',
	transitions: [{ to }],
});
const end = (key = 'end'): WorkflowStep => ({ key, name: 'End', type: 'END', transitions: [] });
const task = (key: string, transitions: WorkflowStep['transitions']): WorkflowStep => ({
	key,
	name: key,
	type: 'TASK',
	transitions,
});

/** Returns only path and code, so each case states exactly the issues it expects. */
const issuesOf = (steps: WorkflowStep[]) =>
	validateDefinition({ steps }).map(({ path, code }: DefinitionIssue) => ({ path, code }));

describe('definition validation', () => {
	it('accepts START -> END', () => {
		expect(validateDefinition({ steps: [start(), end()] })).toEqual([]);
	});

	it('reports an empty definition', () => {
		expect(issuesOf([])).toEqual([{ path: '/steps', code: 'NO_STEPS' }]);
	});

	it('needs exactly one START', () => {
		expect(issuesOf([end()])).toEqual([{ path: '/steps', code: 'START_COUNT' }]);
		const second: WorkflowStep = { ...start(), key: 'start2' };
		expect(issuesOf([start(), second, end()])).toContainEqual({
			path: '/steps',
			code: 'START_COUNT',
		});
	});

	it('needs an END, reachable from START', () => {
		expect(issuesOf([start('a'), task('a', [{ action: 'GO', to: 'a' }])])).toContainEqual({
			path: '/steps',
			code: 'NO_END',
		});
		const cut = issuesOf([start('a'), task('a', [{ action: 'GO', to: 'a' }]), end()]);
		expect(cut).toContainEqual({ path: '/steps', code: 'END_UNREACHABLE' });
		expect(cut).toContainEqual({ path: '/steps/2', code: 'UNREACHABLE_STEP' });
	});

	it('reports a transition to a step that does not exist, with its path', () => {
		const issues = validateDefinition({ steps: [start('nowhere'), end()] });
		expect(issues[0]).toEqual({
			path: '/steps/0/transitions/0/to',
			code: 'UNKNOWN_TARGET',
			message: 'no step has the key "nowhere"',
		});
	});

	it('reports duplicate step keys and transitions back into START', () => {
		expect(issuesOf([start(), end(), task('end', [{ action: 'GO', to: 'start' }])])).toEqual(
			expect.arrayContaining([
				{ path: '/steps/2/key', code: 'DUPLICATE_STEP_KEY' },
				{ path: '/steps/2/transitions/0/to', code: 'TRANSITION_INTO_START' },
			]),
		);
	});

	it('reports steps that cannot be reached and steps that cannot finish', () => {
		const issues = issuesOf([
			start('a'),
			task('a', [
				{ action: 'GO', to: 'end' },
				{ action: 'LOOP', to: 'b' },
			]),
			task('b', [{ action: 'AGAIN', to: 'b' }]),
			task('orphan', [{ action: 'GO', to: 'end' }]),
			end(),
		]);
		expect(issues).toEqual([
			{ path: '/steps/2', code: 'NO_PATH_TO_END' },
			{ path: '/steps/3', code: 'UNREACHABLE_STEP' },
		]);
	});

	it('needs an action on every TASK transition, each used once', () => {
		expect(
			issuesOf([
				start('a'),
				task('a', [{ to: 'end' }, { action: 'GO', to: 'end' }, { action: 'GO', to: 'end' }]),
				end(),
			]),
		).toEqual([
			{ path: '/steps/1/transitions/0/action', code: 'MISSING_ACTION' },
			{ path: '/steps/1/transitions/2/action', code: 'DUPLICATE_ACTION' },
		]);
	});

	it('needs a default and valid guards on a CONDITION', () => {
		const condition: WorkflowStep = {
			key: 'c',
			name: 'C',
			type: 'CONDITION',
			transitions: [{ guard: 'amount >', to: 'end' }, { to: 'end' }],
		};
		const issues = validateDefinition({ steps: [start('c'), condition, end()] });
		expect(issues).toEqual([
			{
				path: '/steps/1/transitions',
				code: 'CONDITION_DEFAULT',
				message: 'a CONDITION step needs exactly one default transition, found 0',
			},
			{
				path: '/steps/1/transitions/0/guard',
				code: 'INVALID_GUARD',
				message: 'expected a value, a field name or "(", found the end (at column 9)',
			},
			{
				path: '/steps/1/transitions/1/guard',
				code: 'MISSING_GUARD',
				message: 'a non-default transition of a CONDITION step needs a guard',
			},
		]);
	});

	it('needs a mode, approvers and APPROVED/REJECTED outcomes on an APPROVAL', () => {
		const approval: WorkflowStep = {
			key: 'ok',
			name: 'OK?',
			type: 'APPROVAL',
			approval: { approvers: [] },
			transitions: [
				{ action: 'APPROVED', to: 'end' },
				{ action: 'MAYBE', to: 'end' },
			],
		};
		expect(issuesOf([start('ok'), approval, end()])).toEqual([
			{ path: '/steps/1/approval/mode', code: 'APPROVAL_MODE' },
			{ path: '/steps/1/approval/approvers', code: 'APPROVAL_APPROVERS' },
			{ path: '/steps/1/transitions/1/action', code: 'APPROVAL_OUTCOME' },
			{ path: '/steps/1/transitions', code: 'APPROVAL_OUTCOME' },
		]);
	});

	it('sends CHANGES_REQUESTED only back to a TASK step', () => {
		const approval: WorkflowStep = {
			key: 'ok',
			name: 'OK?',
			type: 'APPROVAL',
			approval: { mode: 'ANY', approvers: ['u1'] },
			transitions: [
				{ action: 'APPROVED', to: 'end' },
				{ action: 'REJECTED', to: 'end' },
				{ action: 'CHANGES_REQUESTED', to: 'end' },
			],
		};
		expect(issuesOf([start('ok'), approval, end()])).toEqual([
			{ path: '/steps/1/transitions/2/to', code: 'CHANGES_TARGET' },
		]);
	});

	it('needs a duration and one transition on a WAIT, and no transitions on an END', () => {
		const wait: WorkflowStep = {
			key: 'w',
			name: 'W',
			type: 'WAIT',
			transitions: [{ to: 'end' }, { to: 'end' }],
		};
		const badEnd: WorkflowStep = { ...end(), transitions: [{ to: 'w' }] };
		expect(issuesOf([start('w'), wait, badEnd])).toEqual([
			{ path: '/steps/1/transitions', code: 'TRANSITION_COUNT' },
			{ path: '/steps/1/waitSeconds', code: 'WAIT_DURATION' },
			{ path: '/steps/2/transitions', code: 'TRANSITION_COUNT' },
		]);
	});

	it('reports fields that do not apply to the step type', () => {
		const misplaced: WorkflowStep = {
			...start(),
			waitSeconds: 5,
			transitions: [{ to: 'end', guard: 'true' }],
		};
		expect(issuesOf([misplaced, end()])).toEqual([
			{ path: '/steps/0/waitSeconds', code: 'MISPLACED_FIELD' },
			{ path: '/steps/0/transitions/0', code: 'MISPLACED_FIELD' },
		]);
	});
});
