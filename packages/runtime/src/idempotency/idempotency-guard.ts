import { createProblem } from '@charter/spec';
import type { Principal } from '../context/principal.ts';
import { ProblemSignal } from '../problems/error-mapper.ts';
import type { IdempotencyStore, StoredOutcome } from '../stores/idempotency-store.ts';

/** Visible ASCII, 1 to 255 characters (a UUID fits). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Gives the scope of an idempotency key: the same key from another principal, tenant or
 * operation is a different key.
 */
export function idempotencyScope(
	principal: Principal | undefined,
	operationId: string,
	key: string,
): string {
	const who = principal ? `${principal.tenant ?? ''}|${principal.id}` : '|anonymous';
	return `${who}|${operationId}|${key}`;
}

/**
 * Claims an idempotency key: `proceed` when the call must run, `replay` with the stored
 * outcome for a completed call with the same payload. Throws the problem for a malformed key
 * (400), a key reused with another payload (422) or one still in flight (409).
 */
export async function claimIdempotencyKey(
	store: IdempotencyStore,
	args: {
		scope: string;
		key: string;
		fingerprint: string;
		at: Date;
		leaseMs: number;
		retentionMs?: number;
	},
): Promise<{ kind: 'proceed' } | { kind: 'replay'; outcome: StoredOutcome }> {
	if (!KEY_PATTERN.test(args.key)) {
		throw new ProblemSignal(
			createProblem('BAD_REQUEST', {
				detail: 'an idempotency key is 1 to 255 visible ASCII characters',
			}),
		);
	}
	const claim = await store.claim(
		args.scope,
		args.fingerprint,
		args.at,
		args.leaseMs,
		args.retentionMs,
	);
	if (claim.claimed) return { kind: 'proceed' };
	const { record } = claim;
	if (record.fingerprint !== args.fingerprint) {
		throw new ProblemSignal(
			createProblem('IDEMPOTENCY_KEY_REUSED', {
				detail: 'this idempotency key was used with a different payload; use a new key',
			}),
		);
	}
	if (record.state === 'in-flight' || !record.outcome) {
		throw new ProblemSignal(
			createProblem('IDEMPOTENCY_IN_FLIGHT', {
				detail: 'a request with this idempotency key is still running; retry later',
			}),
		);
	}
	return { kind: 'replay', outcome: record.outcome };
}
