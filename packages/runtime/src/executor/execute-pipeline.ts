import * as crypto from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../bus/event-bus.ts';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { ContextProvider, Principal } from '../context/principal.ts';
import { traceIdOf } from '../context/trace-id.ts';
import { claimIdempotencyKey, idempotencyScope } from '../idempotency/idempotency-guard.ts';
import { copyValue } from '../json/copy-value.ts';
import { canonicalJson, findUnsafeKey } from '../json/safe-json.ts';
import { type Logger, withFields } from '../logging/logger.ts';
import { ProblemSignal, toProblem } from '../problems/error-mapper.ts';
import { createProblem } from '../problems/problem.ts';
import type { AuditRecord } from '../stores/audit-store.ts';
import type { Stores, TransactionScope } from '../stores/unit-of-work.ts';
import { CallDeadline } from './call-deadline.ts';
import { coerceInput } from './coerce-input.ts';
import { createEmitBuffer, type EmitBuffer } from './emit-buffer.ts';
import type { HandlerContext } from './implement.ts';
import type { Invocation, InvocationResult } from './invocation.ts';
import type { CompiledPlan } from './operation-plan.ts';

/** What the pipeline needs from the executor, fixed at startup. */
export interface PipelineEnv {
	readonly stores: Stores;
	readonly bus: EventBus;
	readonly logger: Logger;
	readonly contextProvider: ContextProvider;
	readonly clock: () => Date;
	readonly timeoutMs: number;
	readonly leaseMs: number;
}

type Success = Extract<InvocationResult, { ok: true }>;

/**
 * Runs one invocation: resolve plan -> decode/coerce -> validate input -> authenticate ->
 * authorize -> idempotency -> handler -> validate output -> commit -> map result. Never throws.
 */
export async function runPipeline(
	env: PipelineEnv,
	resolve: (key: string, version?: string) => CompiledPlan | undefined,
	invocation: Invocation,
): Promise<InvocationResult> {
	const traceId = invocation.traceId ?? traceIdOf(invocation.metadata);
	const plan = resolve(invocation.operation, invocation.version);
	if (!plan) {
		const at = invocation.version ? `@${invocation.version}` : '';
		return {
			ok: false,
			traceId,
			problem: createProblem('UNKNOWN_OPERATION', {
				traceId,
				detail: `no operation ${invocation.operation}${at} is served`,
			}),
		};
	}
	const logger = withFields(env.logger, { traceId, operation: plan.id });
	try {
		return await runPlan(env, plan, invocation, traceId, logger);
	} catch (error) {
		return { ok: false, traceId, problem: toProblem(error, plan.spec, logger, traceId) };
	}
}

async function runPlan(
	env: PipelineEnv,
	plan: CompiledPlan,
	invocation: Invocation,
	traceId: string,
	logger: Logger,
): Promise<Success> {
	// 1. decode / coerce
	const raw = invocation.input === undefined ? {} : invocation.input;
	const unsafe = findUnsafeKey(raw);
	if (unsafe) {
		const code = unsafe.code === 'UNSAFE_KEY' ? 'UNSAFE_KEY' : 'BAD_REQUEST';
		throw new ProblemSignal(
			createProblem(code, {
				detail: unsafe.message,
				...(unsafe.path
					? { issues: [{ path: unsafe.path, code: 'unsafe_key', message: unsafe.message }] }
					: {}),
			}),
		);
	}
	const decoded = invocation.coerce ? coerceInput(plan.spec.io.input, raw) : copyValue(raw);
	// 2. validate input
	const checked = plan.validateInput.validate(decoded);
	if (!checked.ok) {
		throw new ProblemSignal(
			createProblem('VALIDATION_FAILED', {
				detail: `the input of ${plan.key} does not match its contract`,
				issues: checked.issues,
			}),
		);
	}
	const input = checked.value;
	const metadata = invocation.metadata ?? {};
	// 3. authenticate
	const principal = await env.contextProvider(metadata);
	const audit =
		plan.spec.kind === 'command'
			? startAudit(env, plan, principal, input, invocation, traceId)
			: undefined;
	try {
		// 4. authorize
		const decision = await plan.authorize(principal, input);
		if (!decision.allowed)
			throw new ProblemSignal(createProblem(decision.code, { detail: decision.reason }));
		if (!plan.handler) {
			throw new ProblemSignal(
				createProblem('NOT_IMPLEMENTED', { detail: `${plan.id} has no handler yet` }),
			);
		}
		const result = await invokeHandler(env, plan, {
			invocation,
			input,
			principal,
			traceId,
			logger,
			audit,
		});
		await audit?.finish('OK', 200, result.replayed, undefined);
		return result;
	} catch (error) {
		if (audit && !audit.written) {
			const problem = toProblem(error, plan.spec, logger, traceId);
			await audit.finish(problem.code, problem.status, false, undefined).catch((e: unknown) => {
				logger.error('audit write failed', { error: String(e) });
			});
			throw new ProblemSignal(problem);
		}
		throw error;
	}
}

interface Call {
	invocation: Invocation;
	input: unknown;
	principal: Principal | undefined;
	traceId: string;
	logger: Logger;
	audit: AuditTrail | undefined;
}

async function invokeHandler(env: PipelineEnv, plan: CompiledPlan, call: Call): Promise<Success> {
	const { invocation, principal, traceId } = call;
	const isCommand = plan.spec.kind === 'command';
	// 5. idempotency
	const key = isCommand ? invocation.idempotencyKey : undefined;
	const scope = key === undefined ? undefined : idempotencyScope(principal, plan.id, key);
	if (key !== undefined && scope !== undefined) {
		const claim = await claimIdempotencyKey(env.stores.idempotency, {
			scope,
			key,
			fingerprint: call.audit?.inputDigest ?? digest(call.input),
			at: env.clock(),
			leaseMs: env.leaseMs,
		});
		if (claim.kind === 'replay') {
			return {
				ok: true,
				output: claim.outcome.output,
				events: claim.outcome.events,
				traceId,
				replayed: true,
			};
		}
	}
	const deadline = new CallDeadline(invocation.signal, env.timeoutMs);
	try {
		return await runCommitted(env, plan, call, deadline, key, scope);
	} finally {
		deadline.dispose();
	}
}

/** Steps 6 to 8: the handler, its output check and, for a command, the commit. */
async function runCommitted(
	env: PipelineEnv,
	plan: CompiledPlan,
	call: Call,
	deadline: CallDeadline,
	key: string | undefined,
	scope: string | undefined,
): Promise<Success> {
	const { principal, traceId } = call;
	const isCommand = plan.spec.kind === 'command';
	const buffer = createEmitBuffer(plan, env.clock, traceId, principal?.tenant);
	if (!isCommand) {
		return {
			ok: true,
			output: await runHandler(env, plan, call, deadline, buffer, key, undefined),
			events: [],
			traceId,
			replayed: false,
		};
	}
	try {
		// 8. commit: handler, outbox, audit and idempotency record in one unit of work
		const output = await env.stores.unitOfWork.run(async (tx) => {
			const value = await runHandler(env, plan, call, deadline, buffer, key, tx);
			const events = buffer.envelopes;
			if (events.length > 0) await tx.outbox.append(events);
			await call.audit?.finish('OK', 200, false, tx);
			if (scope !== undefined) await tx.idempotency.complete(scope, { output: value, events });
			return value;
		});
		if (env.stores.afterCommit) env.stores.afterCommit(buffer.envelopes);
		else await publish(env, buffer.envelopes, call.logger);
		return { ok: true, output, events: buffer.envelopes, traceId, replayed: false };
	} catch (error) {
		// The transaction rolled back, its audit record with it: the failure is audited instead.
		if (call.audit) call.audit.written = false;
		if (scope !== undefined) await env.stores.idempotency.release(scope);
		throw error;
	}
}

/**
 * Steps 6 and 7: the handler and its output check. A module function, not a closure per call:
 * under tsx every closure bound to a name pays an `Object.defineProperty` for its name.
 */
async function runHandler(
	env: PipelineEnv,
	plan: CompiledPlan,
	call: Call,
	deadline: CallDeadline,
	buffer: EmitBuffer,
	key: string | undefined,
	transaction: TransactionScope | undefined,
): Promise<unknown> {
	const ctx: HandlerContext = {
		principal: call.principal,
		// Read from the buffer on use: it makes its `emit` function only for a handler that emits.
		get emit() {
			return buffer.emit;
		},
		get signal() {
			return deadline.signal;
		},
		logger: call.logger,
		traceId: call.traceId,
		idempotencyKey: key,
		now: env.clock,
		transaction,
		metadata: call.invocation.metadata ?? {},
	};
	// 6. handler: called directly. Only a promise needs racing against the deadline: nothing
	// can fire while a synchronous handler runs, so its result is checked after it returns.
	if (deadline.aborted) throw deadline.reason;
	const returned: unknown = plan.handler!(call.input, ctx);
	const output = isThenable(returned) ? await deadline.race(Promise.resolve(returned)) : returned;
	// 7. validate output (a copy: stripping must not touch the handler's objects)
	const copy = copyValue(output);
	const checked = plan.validateOutput.validate(copy);
	if (!checked.ok) {
		call.logger.error('contract bug: handler output breaks its contract', {
			issues: checked.issues,
		});
		throw new ProblemSignal(
			createProblem('OUTPUT_CONTRACT_VIOLATION', {
				detail: 'An unexpected error occurred; quote the traceId when reporting it.',
			}),
		);
	}
	if (deadline.aborted) throw deadline.reason;
	return checked.value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
	return (
		(typeof value === 'object' || typeof value === 'function') &&
		value !== null &&
		typeof (value as { then?: unknown }).then === 'function'
	);
}

/** After commit: feed the bus, then mark the outbox entries published. */
async function publish(env: PipelineEnv, events: readonly EventEnvelope[], logger: Logger) {
	if (events.length === 0) return;
	for (const event of events) await env.bus.publish(event);
	try {
		await env.stores.outbox.markPublished(
			events.map((e) => e.id),
			env.clock(),
		);
	} catch (error) {
		// The relay will publish them again; consumers de-duplicate by id.
		logger.warn('could not mark events published', { error: String(error) });
	}
}

/** One-shot `crypto.hash` (Node 20.12+) skips a Hash object per digest; older Node falls back. */
const sha256Hex: (text: string) => string =
	typeof (crypto as { hash?: unknown }).hash === 'function'
		? (text) => crypto.hash('sha256', text, 'hex')
		: (text) => crypto.createHash('sha256').update(text).digest('hex');

function digest(value: unknown): string {
	return sha256Hex(canonicalJson(value));
}

interface AuditTrail {
	readonly inputDigest: string;
	written: boolean;
	finish(
		code: string,
		status: number,
		replayed: boolean,
		tx: TransactionScope | undefined,
	): Promise<void>;
}

/** One audit record per command that reached authentication, written once. */
function startAudit(
	env: PipelineEnv,
	plan: CompiledPlan,
	principal: Principal | undefined,
	input: unknown,
	invocation: Invocation,
	traceId: string,
): AuditTrail {
	const startedAt = env.clock().toISOString();
	const trail: AuditTrail = {
		inputDigest: digest(input),
		written: false,
		async finish(code, status, replayed, tx) {
			if (trail.written) return;
			// Optional fields set in place, not spread from a temporary object each.
			const record: { -readonly [K in keyof AuditRecord]: AuditRecord[K] } = {
				id: randomUUID(),
				operation: plan.key,
				version: plan.version,
				inputDigest: trail.inputDigest,
				resultCode: code,
				status,
				replayed,
				traceId,
				records: code === 'OK' ? plan.spec.sideEffects.audit : [],
				startedAt,
				finishedAt: env.clock().toISOString(),
			};
			if (principal) record.principalId = principal.id;
			if (principal?.tenant) record.tenant = principal.tenant;
			if (invocation.idempotencyKey !== undefined)
				record.idempotencyKey = invocation.idempotencyKey;
			await (tx?.audit ?? env.stores.audit).append(record);
			trail.written = true;
		},
	};
	return trail;
}
