import { describe, expect, it } from 'vitest';
import {
	type ApprovalMode,
	type ApprovalRequestStatus,
	type ApprovalVote,
	canDecide,
	evaluateApproval,
} from './approval-mode.ts';

const CODES: Record<string, ApprovalRequestStatus> = {
	A: 'APPROVED',
	R: 'REJECTED',
	C: 'CHANGES_REQUESTED',
	S: 'ABSTAINED',
	P: 'PENDING',
	D: 'DELEGATED',
	E: 'EXPIRED',
	X: 'CANCELLED',
};

/** `'APS'` -> approved, pending, abstained, in order 0, 1, 2. */
const votes = (code: string): ApprovalVote[] =>
	[...code].map((c, order) => ({ status: CODES[c] as ApprovalRequestStatus, order }));

// Columns: ANY, ALL, MAJORITY, SEQUENTIAL. Rows: requests in order.
// biome-ignore format: one row per set of requests
const MATRIX: [string, string, string, string, string][] = [
	['PPP', 'PENDING', 'PENDING', 'PENDING', 'PENDING'],
	['APP', 'APPROVED', 'PENDING', 'PENDING', 'PENDING'],
	['AAP', 'APPROVED', 'PENDING', 'APPROVED', 'PENDING'],
	['AAA', 'APPROVED', 'APPROVED', 'APPROVED', 'APPROVED'],
	['RPP', 'PENDING', 'REJECTED', 'PENDING', 'REJECTED'],
	['RRP', 'PENDING', 'REJECTED', 'REJECTED', 'REJECTED'],
	['RRR', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['ARR', 'APPROVED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['AAR', 'APPROVED', 'REJECTED', 'APPROVED', 'REJECTED'],
	['CPP', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED'],
	['ACA', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED'],
	// Abstentions leave the count.
	['SPP', 'PENDING', 'PENDING', 'PENDING', 'PENDING'],
	['SAP', 'APPROVED', 'PENDING', 'PENDING', 'PENDING'],
	['SAA', 'APPROVED', 'APPROVED', 'APPROVED', 'APPROVED'],
	['SAR', 'APPROVED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['SSA', 'APPROVED', 'APPROVED', 'APPROVED', 'APPROVED'],
	['SSR', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['SSS', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED'],
	// Ties reject under MAJORITY.
	['AARR', 'APPROVED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['AARP', 'APPROVED', 'REJECTED', 'PENDING', 'REJECTED'],
	['AAAR', 'APPROVED', 'REJECTED', 'APPROVED', 'REJECTED'],
	// Delegated and cancelled requests are ignored; expired counts as a rejection.
	['DA', 'APPROVED', 'APPROVED', 'APPROVED', 'APPROVED'],
	['DP', 'PENDING', 'PENDING', 'PENDING', 'PENDING'],
	['XA', 'APPROVED', 'APPROVED', 'APPROVED', 'APPROVED'],
	['EA', 'APPROVED', 'REJECTED', 'REJECTED', 'REJECTED'],
	['EP', 'PENDING', 'REJECTED', 'REJECTED', 'REJECTED'],
	['', 'PENDING', 'PENDING', 'PENDING', 'PENDING'],
];

const MODES: ApprovalMode[] = ['ANY', 'ALL', 'MAJORITY', 'SEQUENTIAL'];

describe('approval modes', () => {
	const cases = MATRIX.flatMap(([code, ...outcomes]) =>
		MODES.map((mode, column) => [code || '(none)', mode, outcomes[column] as string] as const),
	);

	it.each(cases)('requests %s under %s -> %s', (code, mode, expected) => {
		expect(evaluateApproval(mode, votes(code === '(none)' ? '' : code)).outcome).toBe(expected);
	});

	it('gives the turn to the lowest pending order under SEQUENTIAL', () => {
		expect(evaluateApproval('SEQUENTIAL', votes('APP'))).toEqual({
			outcome: 'PENDING',
			activeOrder: 1,
		});
		expect(evaluateApproval('SEQUENTIAL', votes('SSP'))).toEqual({
			outcome: 'PENDING',
			activeOrder: 2,
		});
		expect(evaluateApproval('ANY', votes('PPP')).activeOrder).toBeNull();
	});

	it('lets only the active request decide under SEQUENTIAL', () => {
		const requests = votes('APP');
		expect(canDecide('SEQUENTIAL', requests, requests[1] as ApprovalVote)).toBe(true);
		expect(canDecide('SEQUENTIAL', requests, requests[2] as ApprovalVote)).toBe(false);
		expect(canDecide('ALL', requests, requests[2] as ApprovalVote)).toBe(true);
	});

	it('refuses decisions on a decided request or a decided step', () => {
		const requests = votes('APP');
		expect(canDecide('ALL', requests, requests[0] as ApprovalVote)).toBe(false);
		expect(canDecide('ANY', requests, requests[1] as ApprovalVote)).toBe(false);
	});
});
