import type { OperationSpec, Policy } from '@charter/spec';
import { ADMIN_ROLE, type Principal } from '../context/principal.ts';
import { CharterConfigError } from '../errors/charter-config-error.ts';
import type { TransactionScope } from '../stores/unit-of-work.ts';

/** What a custom rule decider sees. */
export interface DeciderArgs<Tx = unknown> {
	readonly rule: string;
	readonly principal: Principal | undefined;
	readonly operation: OperationSpec;
	readonly input: unknown;
	/**
	 * The command's transaction, for a decider declared with `readsState` on a command: read the
	 * state the rule depends on through it (`transaction.handle`), and the handler changes that
	 * same state. Undefined for queries and for deciders that do not read state.
	 */
	readonly transaction?: TransactionScope<Tx> | undefined;
}

/** Decides one named policy rule: true allows, false denies. */
export type DecideRule<Tx = unknown> = (args: DeciderArgs<Tx>) => boolean | Promise<boolean>;

/**
 * A decider whose rule depends on stored state (who is assigned to a record, its status...). On
 * a command it runs inside the command's transaction, after the caller's roles were checked and
 * before the handler, so it decides on the very state the handler then changes (see
 * {@link UnitOfWorkOptions.readsState} for what the stores guarantee).
 */
export interface StateDecider<Tx = unknown> {
	readonly readsState: true;
	readonly decide: DecideRule<Tx>;
}

/**
 * Decides one named policy rule: a function, or a {@link StateDecider} for a rule that reads
 * state; `Tx` types the native transaction such a rule reads through.
 */
export type Decider<Tx = unknown> = DecideRule<Tx> | StateDecider<Tx>;

/**
 * Declares a decider that reads stored state: on a command it is evaluated inside the command's
 * transaction (`args.transaction`), never against state read before the transaction began.
 *
 * @example
 * deciders: {
 *   'task-assignee': readsState(async ({ principal, input, transaction }) => {
 *     const task = await tasks(transaction?.handle).get(input.taskId, { lock: true });
 *     return !task || task.assigneeId === principal?.id;
 *   }),
 * }
 */
export function readsState<Tx = unknown>(decide: DecideRule<Tx>): StateDecider<Tx> {
	return Object.freeze({ readsState: true, decide });
}

/** The outcome of authorization: allowed, or the problem code and why. */
export type Decision =
	| { readonly allowed: true }
	| {
			readonly allowed: false;
			readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN';
			readonly reason: string;
	  };

/** A policy compiled once per operation; synchronous unless a rule's decider is async. */
export type Authorizer = (
	principal: Principal | undefined,
	input: unknown,
) => Decision | Promise<Decision>;

/** The rules of a command that read state, evaluated inside its transaction before the handler. */
export type TransactionAuthorizer = (
	principal: Principal | undefined,
	input: unknown,
	transaction: TransactionScope,
) => Promise<Decision>;

/** An operation's compiled policy: what is checked before the call, and inside its transaction. */
export interface CompiledPolicy {
	readonly authorize: Authorizer;
	/** Set for a command with rules whose deciders read state. */
	readonly authorizeInTransaction: TransactionAuthorizer | undefined;
}

const ALLOW: Decision = { allowed: true };

/**
 * Compiles an operation's policy into an authorizer, deny by default: every declared
 * requirement must hold. Throws `CHARTER_MISSING_DECIDER` at startup for a rule nobody decides.
 * On a command, the rules whose deciders read state are split off into `authorizeInTransaction`.
 */
export function compilePolicy(
	operation: OperationSpec,
	deciders: Readonly<Record<string, Decider<any>>>,
): CompiledPolicy {
	const policy: Policy = operation.policy;
	const where = `${operation.meta.key}@${operation.meta.version}`;
	const before: CompiledRule[] = [];
	const inTransaction: CompiledRule[] = [];
	for (const rule of policy.rules ?? []) {
		const decider = Object.hasOwn(deciders, rule) ? deciders[rule] : undefined;
		if (typeof decider === 'function') before.push({ rule, decide: decider });
		else if (decider?.readsState === true && typeof decider.decide === 'function') {
			(operation.kind === 'command' ? inTransaction : before).push({
				rule,
				decide: decider.decide,
			});
		} else {
			throw new CharterConfigError(
				'CHARTER_MISSING_DECIDER',
				where,
				`policy rule "${rule}" has no decider`,
			);
		}
	}
	const checkCaller = compileCallerCheck(policy);
	const authorizeInTransaction: TransactionAuthorizer | undefined =
		inTransaction.length === 0
			? undefined
			: (principal, input, transaction) =>
					decideRules(inTransaction, { principal, operation, input, transaction });
	// Without rules the decision is synchronous: the pipeline then has nothing to await.
	if (before.length === 0) {
		return { authorize: (principal) => checkCaller(principal) ?? ALLOW, authorizeInTransaction };
	}
	return {
		authorize: async (principal, input) =>
			checkCaller(principal) ?? decideRules(before, { principal, operation, input }),
		authorizeInTransaction,
	};
}

/**
 * Compiles the caller part of a policy (auth level, roles, permissions, tenant; not the named
 * rules): gives the refusal, or undefined when the caller is admitted.
 */
export function compileCallerCheck(
	policy: Policy,
): (principal: Principal | undefined) => Decision | undefined {
	const allOf = policy.roles?.allOf ?? [];
	const anyOf = policy.roles?.anyOf ?? [];
	const permissions = policy.permissions ?? [];
	const needsPrincipal =
		policy.auth !== 'anonymous' ||
		allOf.length > 0 ||
		anyOf.length > 0 ||
		permissions.length > 0 ||
		policy.tenant === 'required';
	return (principal) => {
		if (!principal) {
			if (!needsPrincipal) return undefined;
			return {
				allowed: false,
				code: 'UNAUTHENTICATED',
				reason: 'this operation requires an authenticated caller',
			};
		}
		const denied = checkPrincipal(policy, principal, allOf, anyOf, permissions);
		return denied ? { allowed: false, code: 'FORBIDDEN', reason: denied } : undefined;
	};
}

interface CompiledRule {
	readonly rule: string;
	readonly decide: DecideRule;
}

/** Runs rules in declaration order; the first that does not answer `true` denies. */
async function decideRules(
	rules: readonly CompiledRule[],
	args: Omit<DeciderArgs, 'rule'>,
): Promise<Decision> {
	for (const { rule, decide } of rules) {
		if ((await decide({ ...args, rule })) !== true) {
			return { allowed: false, code: 'FORBIDDEN', reason: `policy rule "${rule}" denied the call` };
		}
	}
	return ALLOW;
}

function checkPrincipal(
	policy: Policy,
	principal: Principal,
	allOf: readonly string[],
	anyOf: readonly string[],
	permissions: readonly string[],
): string | undefined {
	if (policy.auth === 'admin' && !principal.roles.includes(ADMIN_ROLE)) {
		return `this operation requires the "${ADMIN_ROLE}" role`;
	}
	// Loops, not find/some with arrow functions: no closure per call for the (usual) empty lists.
	for (const role of allOf) {
		if (!principal.roles.includes(role)) return `this operation requires the "${role}" role`;
	}
	if (anyOf.length > 0 && !anyOf.some((role) => principal.roles.includes(role))) {
		return `this operation requires one of the roles ${anyOf.map((r) => `"${r}"`).join(', ')}`;
	}
	for (const permission of permissions) {
		if (!principal.permissions.includes(permission)) {
			return `this operation requires the "${permission}" permission`;
		}
	}
	if (policy.tenant === 'required' && !principal.tenant) {
		return 'this operation requires a caller that belongs to a tenant';
	}
	return undefined;
}
