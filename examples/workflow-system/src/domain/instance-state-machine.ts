import type { Infer } from '@charter/schema';
import type { InstanceStatusEnum } from '../instance/instance.enum.ts';

/** A status of a workflow instance. */
export type InstanceStatus = Infer<typeof InstanceStatusEnum>;

/** What can happen to an instance; the engine, handlers and timers all go through these. */
export type InstanceCommand =
	| 'START'
	| 'WAIT'
	| 'WAKE'
	| 'TRANSITION'
	| 'DECIDE'
	| 'TIMER'
	| 'PAUSE'
	| 'RESUME'
	| 'CANCEL'
	| 'COMPLETE'
	| 'FAIL'
	| 'TIME_OUT';

/** Every command, in a stable order (for tables and tests). */
export const INSTANCE_COMMANDS: readonly InstanceCommand[] = [
	'START',
	'WAIT',
	'WAKE',
	'TRANSITION',
	'DECIDE',
	'TIMER',
	'PAUSE',
	'RESUME',
	'CANCEL',
	'COMPLETE',
	'FAIL',
	'TIME_OUT',
];

/** Every status, in the enum's order. */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
	'PENDING',
	'RUNNING',
	'WAITING',
	'PAUSED',
	'COMPLETED',
	'CANCELLED',
	'FAILED',
	'TIMEOUT',
];

/** Statuses no command leaves. */
export const TERMINAL_STATUSES: ReadonlySet<InstanceStatus> = new Set([
	'COMPLETED',
	'CANCELLED',
	'FAILED',
	'TIMEOUT',
]);

/**
 * Where a command leads: a status, `SAME` (allowed, status unchanged: the engine decides what
 * comes next), `NOOP` (allowed and idempotent: nothing changes, no event), or `PREVIOUS`
 * (resume: back to the status remembered at pause).
 */
type Target = InstanceStatus | 'SAME' | 'NOOP' | 'PREVIOUS';

const ACTIVE: Partial<Record<InstanceCommand, Target>> = {
	TRANSITION: 'RUNNING',
	DECIDE: 'SAME',
	TIMER: 'SAME',
	PAUSE: 'PAUSED',
	RESUME: 'NOOP',
	CANCEL: 'CANCELLED',
	FAIL: 'FAILED',
	TIME_OUT: 'TIMEOUT',
};

/**
 * The whole state machine. A (status, command) pair missing here is INVALID_STATE; terminal
 * statuses have no entry at all.
 */
const TABLE: Readonly<Record<InstanceStatus, Partial<Record<InstanceCommand, Target>>>> = {
	PENDING: { START: 'RUNNING', CANCEL: 'CANCELLED', FAIL: 'FAILED' },
	RUNNING: { ...ACTIVE, WAIT: 'WAITING', COMPLETE: 'COMPLETED' },
	WAITING: { ...ACTIVE, WAKE: 'RUNNING' },
	// While paused only resume (back), pause (idempotent) and cancel are accepted.
	PAUSED: { PAUSE: 'NOOP', RESUME: 'PREVIOUS', CANCEL: 'CANCELLED' },
	COMPLETED: {},
	CANCELLED: {},
	FAILED: {},
	TIMEOUT: {},
};

/** The part of an instance the state machine reads and writes. */
export interface InstanceState {
	readonly status: InstanceStatus;
	/** Status before a pause; set only while PAUSED. */
	readonly previousStatus?: InstanceStatus | null;
}

/** The outcome of applying a command. `changed: false` means: return as is, emit nothing. */
export type TransitionOutcome =
	| {
			readonly ok: true;
			readonly status: InstanceStatus;
			readonly previousStatus: InstanceStatus | null;
			readonly changed: boolean;
	  }
	| { readonly ok: false; readonly code: 'INVALID_STATE'; readonly message: string };

/**
 * Applies a command to an instance's status. Illegal pairs give INVALID_STATE (409) rather
 * than throwing, so handlers map them to the contract's declared error.
 *
 * @example
 * applyInstanceCommand({ status: 'RUNNING' }, 'PAUSE');
 * // { ok: true, status: 'PAUSED', previousStatus: 'RUNNING', changed: true }
 */
export function applyInstanceCommand(
	state: InstanceState,
	command: InstanceCommand,
): TransitionOutcome {
	const target = TABLE[state.status]?.[command];
	if (target === undefined) return invalid(state.status, command);
	const previous = state.previousStatus ?? null;
	switch (target) {
		case 'NOOP':
			return { ok: true, status: state.status, previousStatus: previous, changed: false };
		case 'SAME':
			return { ok: true, status: state.status, previousStatus: null, changed: true };
		case 'PREVIOUS':
			// A paused instance always came from RUNNING or WAITING; anything else is corrupt.
			if (previous !== 'RUNNING' && previous !== 'WAITING') {
				return {
					ok: false,
					code: 'INVALID_STATE',
					message: `cannot resume: the status before the pause is ${previous ?? 'unknown'}, not RUNNING or WAITING`,
				};
			}
			return { ok: true, status: previous, previousStatus: null, changed: true };
		case 'PAUSED':
			return { ok: true, status: 'PAUSED', previousStatus: state.status, changed: true };
		default:
			return { ok: true, status: target, previousStatus: null, changed: true };
	}
}

/** Tells whether a command is accepted in a status (ignoring a corrupt `previousStatus`). */
export function canApply(status: InstanceStatus, command: InstanceCommand): boolean {
	return TABLE[status]?.[command] !== undefined;
}

/** Lists the commands accepted in a status, in {@link INSTANCE_COMMANDS} order. */
export function allowedCommands(status: InstanceStatus): InstanceCommand[] {
	return INSTANCE_COMMANDS.filter((command) => canApply(status, command));
}

function invalid(status: InstanceStatus, command: InstanceCommand): TransitionOutcome {
	const reason = TERMINAL_STATUSES.has(status)
		? `the instance is ${status}, a terminal status`
		: `${command} is not allowed while the instance is ${status}`;
	return { ok: false, code: 'INVALID_STATE', message: reason };
}
