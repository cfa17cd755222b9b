import type { Infer } from '@charter/schema';
import type { ApprovalRequestStatusEnum } from '../approval/approval.enum.ts';
import type { ApprovalModeEnum, ApprovalOutcomeEnum } from '../definition/definition.enum.ts';

export type ApprovalMode = Infer<typeof ApprovalModeEnum>;
export type ApprovalOutcome = Infer<typeof ApprovalOutcomeEnum>;
export type ApprovalRequestStatus = Infer<typeof ApprovalRequestStatusEnum>;

/** What the evaluation reads of one request of the step. */
export interface ApprovalVote {
	readonly status: ApprovalRequestStatus;
	/** Position for SEQUENTIAL (lower decides first); a delegated request keeps its position. */
	readonly order: number;
}

/** The combined outcome, and for SEQUENTIAL the order whose turn it is while PENDING. */
export interface ApprovalEvaluation {
	readonly outcome: ApprovalOutcome;
	readonly activeOrder: number | null;
}

/**
 * Combines the requests of an APPROVAL step into an outcome.
 *
 * Rules shared by every mode:
 * - DELEGATED and CANCELLED requests are ignored (a delegation creates the delegate's
 *   request in their place);
 * - an EXPIRED request counts as a rejection (no answer in time is no approval);
 * - REQUEST_CHANGES by anyone sends the step back at once: CHANGES_REQUESTED;
 * - ABSTAIN removes the approver from the count: neither for nor against. When every
 *   approver abstains nobody approved, and the step is REJECTED.
 *
 * Modes, over the non-abstaining requests:
 * - ANY: APPROVED on the first approval; REJECTED when all are decided without one.
 * - ALL: REJECTED on the first rejection; APPROVED when all are decided and approved.
 * - MAJORITY: APPROVED when approvals are more than half; REJECTED as soon as that can no
 *   longer happen (a tie rejects).
 * - SEQUENTIAL: requests decide in `order`; only the lowest PENDING one may decide
 *   (`activeOrder`). A rejection ends the step; approvals and abstentions pass it on; APPROVED
 *   when the last one has decided and at least one approved.
 */
export function evaluateApproval(
	mode: ApprovalMode,
	votes: readonly ApprovalVote[],
): ApprovalEvaluation {
	const counted = votes.filter((v) => v.status !== 'DELEGATED' && v.status !== 'CANCELLED');
	const count = (status: ApprovalRequestStatus) =>
		counted.filter((v) => v.status === status).length;
	const approvals = count('APPROVED');
	const rejections = count('REJECTED') + count('EXPIRED');
	const pending = count('PENDING');
	const electorate = approvals + rejections + pending;
	const done = (outcome: ApprovalOutcome): ApprovalEvaluation => ({ outcome, activeOrder: null });

	if (count('CHANGES_REQUESTED') > 0) return done('CHANGES_REQUESTED');
	if (electorate === 0) return done(counted.length === 0 ? 'PENDING' : 'REJECTED');

	switch (mode) {
		case 'ANY':
			if (approvals > 0) return done('APPROVED');
			return pending === 0 ? done('REJECTED') : done('PENDING');
		case 'ALL':
			if (rejections > 0) return done('REJECTED');
			return pending === 0 ? done('APPROVED') : done('PENDING');
		case 'MAJORITY':
			if (2 * approvals > electorate) return done('APPROVED');
			if (2 * (approvals + pending) <= electorate) return done('REJECTED');
			return done('PENDING');
		case 'SEQUENTIAL': {
			if (rejections > 0) return done('REJECTED');
			const waiting = counted.filter((v) => v.status === 'PENDING').map((v) => v.order);
			if (waiting.length > 0) return { outcome: 'PENDING', activeOrder: Math.min(...waiting) };
			return done(approvals > 0 ? 'APPROVED' : 'REJECTED');
		}
	}
}

/**
 * Tells whether a request may be decided now: it is PENDING, the step is still undecided,
 * and for SEQUENTIAL it is its turn.
 */
export function canDecide(
	mode: ApprovalMode,
	votes: readonly ApprovalVote[],
	request: ApprovalVote,
): boolean {
	if (request.status !== 'PENDING') return false;
	const { outcome, activeOrder } = evaluateApproval(mode, votes);
	if (outcome !== 'PENDING') return false;
	return mode !== 'SEQUENTIAL' || request.order === activeOrder;
}
