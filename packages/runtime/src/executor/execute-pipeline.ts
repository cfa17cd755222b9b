import { createProblem, type OperationSpec, type Problem } from '@charter/spec';
import type { Span, Tracer } from '@opentelemetry/api';
import type { EventEnvelope } from '../bus/event-envelope.ts';
import type { ContextProvider, InvocationMetadata, Principal } from '../context/principal.ts';
import { callerTraceIdOf, traceIdOf } from '../context/trace-id.ts';
import { claimIdempotencyKey, idempotencyScope } from '../idempotency/idempotency-guard.ts';
import { copyValue } from '../json/copy-value.ts';
import { faultDetails, findUnsafeKey } from '../json/safe-json.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import type { RefusalSampler } from '../limits/refusal-sampler.ts';
import { type Logger, withFields } from '../logging/logger.ts';
import type { Decision } from '../policy/policy-decider.ts';
import { ProblemSignal, toProblem } from '../problems/error-mapper.ts';
import type { StoredOutcome } from '../stores/idempotency-store.ts';
import { SETTLED } from '../stores/settled.ts';
import type { Stores, TransactionScope, UnitOfWorkOptions } from '../stores/unit-of-work.ts';
import type { CallMetrics } from '../telemetry/call-metrics.ts';
import { endStep, OperationTrace } from '../telemetry/operation-trace.ts';
import { AuditTrail } from './audit-trail.ts';
import { CallContext } from './call-context.ts';
import { CallDeadline } from './call-deadline.ts';
import { coerceInput } from './coerce-input.ts';
import { createEmitBuffer, type EmitBuffer, NO_EVENTS } from './emit-buffer.ts';
import { inputDigest } from './input-digest.ts';
import type { Invocation, InvocationResult } from './invocation.ts';
import { isThenable } from './is-thenable.ts';
import type { CompiledPlan } from './operation-plan.ts';
import {
	endStreamSource,
	type ResponseState,
	storedResponse,
	successStatus,
} from './response-control.ts';

/**
 * Hands a committed command's events to the outbox relay (the only way they are published);
 * a promise when the command waits for the delivery (the executor's own relay).
 */
export type CommitRelease = (events: readonly EventEnvelope[]) => Promise<void> | undefined | void;

/** What the pipeline needs from the executor, fixed at startup. */
export interface PipelineEnv {
	readonly stores: Stores;
	readonly release: CommitRelease;
	readonly logger: Logger;
	readonly contextProvider: ContextProvider;
	readonly clock: () => Date;
	readonly timeoutMs: number;
	readonly leaseMs: number;
	readonly retentionMs: number;
	/** Rate limits per address and principal; none when undefined. */
	readonly rateLimiter?: RateLimiter | undefined;
	/** Samples the audit records of anonymous refusals. */
	readonly refusals: RefusalSampler;
	/** Makes a span per call and per step; no tracing when undefined. */
	readonly tracer?: Tracer | undefined;
	/** Records each call's outcome and duration; no metrics when undefined. */
	readonly metrics?: CallMetrics | undefined;
}

type Success = Extract<InvocationResult, { ok: true }>;

/**
 * Runs one invocation: resolve plan -> decode/coerce -> validate input -> authenticate ->
 * authorize -> idempotency -> handler -> validate output -> commit -> map result. Never rejects.
 */
export function runPipeline(
	env: PipelineEnv,
	resolve: (key: string, version?: string) => CompiledPlan | undefined,
	invocation: Invocation,
): Promise<InvocationResult> {
	const plan = resolve(invocation.operation, invocation.version);
	if (!plan) {
		const traceId = invocation.traceId ?? traceIdOf(invocation.metadata);
		const at = invocation.version ? `@${invocation.version}` : '';
		return Promise.resolve({
			ok: false,
			traceId,
			problem: createProblem('UNKNOWN_OPERATION', {
				traceId,
				detail: `no operation ${invocation.operation}${at} is served`,
			}),
		});
	}
	return runPlan(env, plan, invocation);
}

/**
 * The steps for a resolved plan; a failure at any step becomes the result's problem. Most steps
 * sit in this one async function, not one each (every async frame costs a promise and a tick);
 * the idempotency claim and the commit keep frames of their own.
 */
async function runPlan(
	env: PipelineEnv,
	plan: CompiledPlan,
	invocation: Invocation,
): Promise<InvocationResult> {
	const started = env.metrics === undefined ? 0 : performance.now();
	const trace = env.tracer === undefined ? undefined : traceCall(env.tracer, plan, invocation);
	const traceId = invocation.traceId ?? trace?.traceId ?? traceIdOf(invocation.metadata);
	const logger = withFields(env.logger, { traceId, operation: plan.id });
	let audit: AuditTrail | undefined;
	let call: Call | undefined;
	const access = invocation.metadata?.access;
	if (access !== undefined) {
		access.traceId = traceId;
		access.operation = plan.id;
	}
	let step: Span | undefined;
	try {
		// 1-2. decode / coerce, validate input
		step = trace?.step('validate');
		const input = decodeInput(plan, invocation);
		endStep(step);
		step = trace?.step('authorize');
		const metadata = invocation.metadata ?? NO_METADATA;
		// Rate limits: per address before authentication (a flood of bad tokens counts too).
		if (env.rateLimiter) await env.rateLimiter.checkAddress(plan.key, metadata.clientAddress);
		// 3. authenticate (a synchronous provider or policy is not awaited: each await is a tick)
		const provided = env.contextProvider(metadata);
		const principal = isThenable(provided) ? await provided : provided;
		if (env.rateLimiter) await env.rateLimiter.checkPrincipal(plan.key, principal);
		if (access !== undefined) access.principalId = principal?.id;
		trace?.identify(principal?.id);
		if (plan.spec.kind === 'command') {
			audit = new AuditTrail(
				plan,
				principal,
				invocation.idempotencyKey,
				traceId,
				env.clock,
				input,
				callerTraceIdOf(invocation.metadata),
			);
		}
		// 4. authorize
		const verdict = plan.authorize(principal, input);
		const decision = isThenable(verdict) ? await verdict : verdict;
		if (!decision.allowed) refuse(decision);
		endStep(step);
		step = undefined;
		if (!plan.handler) {
			throw new ProblemSignal(
				createProblem('NOT_IMPLEMENTED', { detail: `${plan.id} has no handler yet` }),
			);
		}
		call = {
			invocation,
			input,
			principal,
			traceId,
			logger,
			audit,
			trace,
			json: undefined,
			context: undefined,
		};
		const result = await invokeHandler(env, plan, call);
		// A download only REST writes: anywhere else its source is ended, not left open.
		if (result.response?.stream !== undefined && invocation.streams !== true) {
			endStream(result.response);
		}
		// A command was audited inside its transaction (a replay too); a query is not audited.
		if (audit && !audit.written)
			await audit.finish(
				'OK',
				successStatus(plan.spec, call.context?.responseState),
				result.replayed,
				env.stores.audit,
			);
		trace?.end(undefined, result.replayed);
		if (env.metrics !== undefined) {
			const status = successStatus(plan.spec, result.response);
			observe(env.metrics, plan, invocation, started, status, result.replayed);
		}
		return result;
	} catch (error) {
		endStep(step, error);
		// A download the handler set before the call failed is never written: end its source.
		const set = call?.context?.responseState;
		if (set?.stream !== undefined) endStream(set);
		const translated = env.stores.translateError ? env.stores.translateError(error) : error;
		const problem = toProblem(translated, plan.spec, logger, traceId);
		// A command that reached authentication is audited, refusals and failures included.
		// A store (or clock) that throws, even synchronously, must not make execute() reject.
		// Anonymous refusals are sampled: a flood must not write one audit row per call.
		const sampledOut =
			audit?.anonymous &&
			problem.status < 500 &&
			!env.refusals.keep(plan.key, problem.code, Date.now());
		if (audit && !audit.written && !sampledOut) {
			try {
				await audit.finish(problem.code, problem.status, false, env.stores.audit);
			} catch (e) {
				logger.error({ error: String(e) }, 'audit write failed');
			}
		}
		trace?.end(problem);
		if (env.metrics !== undefined)
			observe(env.metrics, plan, invocation, started, problem.status, false, problem);
		return { ok: false, traceId, problem };
	}
}

const NO_METADATA: InvocationMetadata = Object.freeze({});

/** Ends a stream no caller will read, and takes it off the response. */
function endStream(response: ResponseState): void {
	const stream = response.stream;
	delete response.stream;
	endStreamSource(stream);
}

function observe(
	metrics: CallMetrics,
	plan: CompiledPlan,
	invocation: Invocation,
	started: number,
	status: number,
	replayed: boolean,
	problem?: Problem,
): void {
	try {
		metrics.record({
			operation: plan.key,
			version: plan.version,
			surface: invocation.metadata?.transport ?? 'unknown',
			outcome: problem?.code ?? 'ok',
			status,
			durationMs: performance.now() - started,
			replayed,
		});
	} catch {
		// A broken metrics recorder must never fail a call.
	}
}

function traceCall(tracer: Tracer, plan: CompiledPlan, invocation: Invocation): OperationTrace {
	const metadata = invocation.metadata;
	return new OperationTrace(tracer, {
		key: plan.key,
		version: plan.version,
		kind: plan.spec.kind === 'command' ? 'command' : 'query',
		surface: metadata?.transport,
		traceparent: metadata?.headers?.traceparent,
		detachedSpan: metadata?.access?.detachedSpan,
	});
}

/** Stops the call with the problem of a denied decision. */
function refuse(decision: Extract<Decision, { allowed: false }>): never {
	throw new ProblemSignal(createProblem(decision.code, { detail: decision.reason }));
}

/** Runs state-reading work in a snapshot (see `UnitOfWorkOptions.readsState`). */
const READS_STATE: UnitOfWorkOptions = Object.freeze({ readsState: true });

/**
 * Steps 1 and 2: unsafe keys refused, flat values coerced, the input validated. Ajv strips and
 * fills defaults in place, so it validates a copy, unless the transport handed over a value
 * it parsed with `parseJsonSafely` and keeps no reference to (already checked, nobody else's).
 */
function decodeInput(plan: CompiledPlan, invocation: Invocation): unknown {
	const raw = invocation.input === undefined ? {} : invocation.input;
	let decoded: unknown;
	if (invocation.inputFromSafeJson === true && !invocation.coerce) decoded = raw;
	else {
		const unsafe = findUnsafeKey(raw);
		if (unsafe) {
			const code = unsafe.code === 'MALFORMED_JSON' ? 'BAD_REQUEST' : unsafe.code;
			throw new ProblemSignal(createProblem(code, faultDetails(unsafe)));
		}
		decoded = invocation.coerce ? coerceInput(plan.spec.io.input, raw) : copyValue(raw);
	}
	const checked = plan.validateInput.validate(decoded);
	if (!checked.ok) {
		throw new ProblemSignal(
			createProblem('VALIDATION_FAILED', {
				detail: `the input of ${plan.key} does not match its contract`,
				issues: checked.issues,
			}),
		);
	}
	return checked.value;
}

interface Call {
	invocation: Invocation;
	input: unknown;
	principal: Principal | undefined;
	traceId: string;
	logger: Logger;
	audit: AuditTrail | undefined;
	trace: OperationTrace | undefined;
	/** The output as JSON, when the compiled writer validated and wrote it (`wantsJson`). */
	json: string | undefined;
	/** The handler's ctx, once made: what it set of the response is read from it. */
	context: CallContext | undefined;
}

/** Steps 5 to 8 for a command (with its idempotency key's scope, if it has one), or a query. */
function invokeHandler(env: PipelineEnv, plan: CompiledPlan, call: Call): Promise<Success> {
	const key = plan.spec.kind === 'command' ? call.invocation.idempotencyKey : undefined;
	const scope = key === undefined ? undefined : idempotencyScope(call.principal, plan.id, key);
	return runCommitted(env, plan, call, key, scope);
}

/**
 * Step 5, inside the command's transaction: claims the key, or gives the stored outcome of a
 * completed call to replay (audited in the same transaction). The claim commits with the
 * command or rolls back with it, so a failed or killed call leaves no claim behind.
 */
async function claimInTransaction(
	env: PipelineEnv,
	spec: OperationSpec,
	call: Call,
	key: string,
	scope: string,
	tx: TransactionScope,
): Promise<StoredOutcome | undefined> {
	const claim = await claimIdempotencyKey(tx.idempotency, {
		scope,
		key,
		fingerprint: call.audit?.inputDigest ?? inputDigest(call.input),
		at: env.clock(),
		leaseMs: env.leaseMs,
		retentionMs: env.retentionMs,
	});
	if (claim.kind === 'proceed') return undefined;
	if (call.audit)
		await call.audit.finish('OK', successStatus(spec, claim.outcome.response), true, tx.audit);
	return claim.outcome;
}

/** Steps 6 to 8: the handler, its output check and, for a command, the commit. */
async function runCommitted(
	env: PipelineEnv,
	plan: CompiledPlan,
	call: Call,
	key: string | undefined,
	scope: string | undefined,
): Promise<Success> {
	const { principal, traceId } = call;
	const deadline = new CallDeadline(call.invocation.signal, env.timeoutMs);
	const buffer = createEmitBuffer(plan, env.clock, traceId, principal?.tenant, call.trace);
	let output: unknown;
	// The events the transaction wrote: only those are published, not one a stray promise of
	// the handler emits after the commit.
	let committed: readonly EventEnvelope[] = NO_EVENTS;
	let replay: StoredOutcome | undefined;
	const commitSpan = plan.spec.kind === 'command' ? call.trace?.step('commit') : undefined;
	try {
		if (plan.spec.kind !== 'command') {
			const returned = runHandler(env, plan, call, deadline, buffer, key, undefined);
			output = isThenable(returned) ? await returned : returned;
			return succeeded(call, output, NO_EVENTS);
		}
		// 8. commit: idempotency key, handler, outbox, audit and outcome in one unit of work
		const authorizeInTransaction = plan.authorizeInTransaction;
		output = await env.stores.unitOfWork.run(
			async (tx) => {
				// 5. idempotency: a completed key is replayed, its transaction writes only the audit
				if (scope !== undefined) {
					replay = await claimInTransaction(env, plan.spec, call, key!, scope, tx);
					if (replay !== undefined) return replay.output;
				}
				// 4b. the rules that read state, on the state this transaction then changes
				if (authorizeInTransaction) {
					const decision = await authorizeInTransaction(principal, call.input, tx);
					if (!decision.allowed) refuse(decision);
				}
				const returned = runHandler(env, plan, call, deadline, buffer, key, tx, commitSpan);
				const value = isThenable(returned) ? await returned : returned;
				const events = buffer.envelopes;
				if (events.length > 0) await tx.outbox.append(events);
				if (call.audit) {
					// A memory transaction queues the record: nothing to wait for, no tick spent.
					const status = successStatus(plan.spec, call.context?.responseState);
					const audited = call.audit.finish('OK', status, false, tx.audit);
					if (audited !== SETTLED) await audited;
				}
				if (scope !== undefined) {
					const response = storedResponse(plan.spec, call.context?.responseState);
					await tx.idempotency.complete(
						scope,
						response === undefined
							? { output: value, events }
							: { output: value, events, response },
					);
				}
				committed = events;
				return value;
			},
			authorizeInTransaction ? READS_STATE : undefined,
		);
	} catch (error) {
		endStep(commitSpan, error);
		// The transaction rolled back, its audit record and key claim with it: the failure is
		// audited instead, and a retry with the same key runs.
		if (plan.spec.kind === 'command' && call.audit) call.audit.written = false;
		throw error;
	} finally {
		deadline.dispose();
	}
	endStep(commitSpan);
	if (replay !== undefined) {
		const { events, response } = replay;
		if (response !== undefined) {
			return { ok: true, output, events, traceId, replayed: true, response };
		}
		return { ok: true, output, events, traceId, replayed: true };
	}
	// Committed: nothing from here on may fail the command (a caller would retry a done thing).
	try {
		const released = env.release(committed);
		if (released !== undefined) await released;
	} catch (error) {
		call.logger.error(
			{
				error: String(error),
			},
			'an after-commit listener failed; the events stay in the outbox',
		);
	}
	return succeeded(call, output, committed);
}

/** The success of a run; with the output's JSON when the compiled writer wrote it. */
function succeeded(call: Call, output: unknown, events: readonly EventEnvelope[]): Success {
	const response = call.context?.responseState;
	if (call.json === undefined) {
		if (response !== undefined) {
			return { ok: true, output, events, traceId: call.traceId, replayed: false, response };
		}
		return { ok: true, output, events, traceId: call.traceId, replayed: false };
	}
	return new WrittenSuccess(call.json, events, call.traceId, response);
}

/**
 * A success whose output was validated and written as JSON in one pass: the value is parsed
 * back from that text only if someone reads it (the REST router sends the text).
 */
class WrittenSuccess {
	readonly ok = true;
	readonly replayed = false;
	#output: unknown;
	constructor(
		readonly outputJson: string,
		readonly events: readonly EventEnvelope[],
		readonly traceId: string,
		readonly response: ResponseState | undefined,
	) {}
	get output(): unknown {
		this.#output ??= JSON.parse(this.outputJson);
		return this.#output;
	}
}

/**
 * Steps 6 and 7: the handler and its output check; the checked output, or a promise of it for
 * a handler that returned one. A module function, not a closure per call: under tsx every
 * closure bound to a name pays an `Object.defineProperty` for its name.
 */
function runHandler(
	env: PipelineEnv,
	plan: CompiledPlan,
	call: Call,
	deadline: CallDeadline,
	buffer: EmitBuffer,
	key: string | undefined,
	transaction: TransactionScope | undefined,
	under?: Span,
): unknown {
	const ctx = new CallContext(
		call.principal,
		call.logger,
		call.traceId,
		key,
		env.clock,
		transaction,
		call.invocation.metadata ?? NO_METADATA,
		plan,
		buffer,
		deadline,
	);
	call.context = ctx;
	// 6. handler: called directly. Only a promise needs racing against the deadline: nothing
	// can fire while a synchronous handler runs, so its result is checked after it returns.
	if (deadline.aborted) throw deadline.reason;
	if (call.trace !== undefined) return traceHandler(call.trace, under, plan, call, deadline, ctx);
	const returned: unknown = plan.handler!(call.input, ctx);
	if (!isThenable(returned)) return checkOutput(plan, call, deadline, returned);
	return deadline
		.race(Promise.resolve(returned))
		.then((output) => checkOutput(plan, call, deadline, output));
}

/** Step 6 with a span of its own, active while the handler runs. */
function traceHandler(
	trace: OperationTrace,
	under: Span | undefined,
	plan: CompiledPlan,
	call: Call,
	deadline: CallDeadline,
	ctx: CallContext,
): unknown {
	const span = trace.step('handler', under);
	let returned: unknown;
	try {
		returned = trace.within(span, () => plan.handler!(call.input, ctx));
		if (!isThenable(returned)) {
			endStep(span);
			return checkOutput(plan, call, deadline, returned);
		}
	} catch (error) {
		endStep(span, error);
		throw error;
	}
	return deadline.race(Promise.resolve(returned)).then(
		(output) => {
			endStep(span);
			return checkOutput(plan, call, deadline, output);
		},
		(error: unknown) => {
			endStep(span, error);
			throw error;
		},
	);
}

/** Step 7: validates a copy of the output (stripping must not touch the handler's objects). */
/**
 * Step 7: validates the output. For a caller that wants JSON, the compiled writer validates
 * and writes it in one pass; what it cannot vouch for (a broken output included) takes the
 * general path: a copy (stripping must not touch the handler's objects), validated by Ajv.
 */
function checkOutput(
	plan: CompiledPlan,
	call: Call,
	deadline: CallDeadline,
	output: unknown,
): unknown {
	if (call.invocation.wantsJson === true && call.invocation.idempotencyKey === undefined) {
		const json = plan.outputWriter()?.(output);
		if (json !== undefined) {
			if (deadline.aborted) throw deadline.reason;
			call.json = json;
			return output;
		}
	}
	const copy = copyValue(output);
	const checked = plan.validateOutput.validate(copy);
	if (!checked.ok) {
		call.logger.error(
			{
				issues: checked.issues,
			},
			'contract bug: handler output breaks its contract',
		);
		throw new ProblemSignal(
			createProblem('OUTPUT_CONTRACT_VIOLATION', {
				detail: 'An unexpected error occurred; quote the traceId when reporting it.',
			}),
		);
	}
	if (deadline.aborted) throw deadline.reason;
	return checked.value;
}
