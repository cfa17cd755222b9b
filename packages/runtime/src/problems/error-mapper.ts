import { compileValidator } from '@charter/schema';
import type { ErrorDeclaration, OperationSpec } from '@charter/spec';
import { type BUILT_IN_PROBLEMS, buildProblem, createProblem, type Problem } from '@charter/spec';
import { copyValue } from '../json/copy-value.ts';
import type { Logger } from '../logging/logger.ts';
import { ContractError } from './contract-error.ts';

/** Built-in codes a handler or context provider may throw without declaring them. */
const THROWABLE_BUILT_INS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

/** An error the pipeline raised on purpose, already a problem. */
export class ProblemSignal extends Error {
	constructor(readonly problem: Problem) {
		super(problem.code);
	}
}

/**
 * Maps anything thrown during an invocation to a problem. Declared contract errors keep
 * their status and detail; everything else is an opaque 500 that only the log explains.
 */
export function toProblem(
	error: unknown,
	spec: OperationSpec | undefined,
	logger: Logger,
	traceId: string,
): Problem {
	// Object.assign, not a spread with a key added: see "Benchmarks" in the README.
	if (error instanceof ProblemSignal) return Object.assign({}, error.problem, { traceId });
	if (error instanceof ContractError) {
		const declared =
			spec && Object.hasOwn(spec.errors, error.code) ? spec.errors[error.code] : undefined;
		if (declared) {
			const data = declaredData(declared, error, logger, spec?.meta.key);
			if (data === INVALID) return violation(traceId);
			return buildProblem({
				code: error.code,
				status: declared.status,
				title: declared.description,
				detail: error.detail,
				traceId,
				data,
			});
		}
		if (THROWABLE_BUILT_INS.has(error.code)) {
			const code = error.code as keyof typeof BUILT_IN_PROBLEMS;
			return createProblem(code, { traceId, ...(error.detail ? { detail: error.detail } : {}) });
		}
		logger.error(
			{
				code: error.code,
				detail: error.detail,
				operation: spec?.meta.key,
				hint: `declare ${error.code} in the contract's errors, with its HTTP status`,
			},
			'contract bug: a handler threw an error code its contract does not declare',
		);
		return opaque(traceId);
	}
	const name = (error as { name?: unknown })?.name;
	if (name === 'TimeoutError') {
		return createProblem('DEADLINE_EXCEEDED', {
			traceId,
			detail: 'the operation ran past its deadline',
		});
	}
	if (name === 'AbortError') return createProblem('REQUEST_CANCELLED', { traceId });
	if (name === 'ResponseContractViolation') {
		logger.error(
			{ message: (error as Error).message },
			'contract bug: the handler set a response its contract does not declare',
		);
		return violation(traceId);
	}
	if (name === 'EventContractViolation') {
		logger.error(
			{
				message: (error as Error).message,
				issues: (error as { issues?: unknown }).issues,
			},
			'contract bug: invalid event emitted',
		);
		return { ...createProblem('EVENT_CONTRACT_VIOLATION', { traceId }), detail: OPAQUE_DETAIL };
	}
	logger.error(
		{
			error: error instanceof Error ? error.message : String(error),
			stack: error instanceof Error ? error.stack : undefined,
		},
		'unexpected error',
	);
	return opaque(traceId);
}

const INVALID: unique symbol = Symbol('invalid error data');

/**
 * The data of a declared error, checked against the declaration's `data` schema (a copy: the
 * check strips unknown keys). Data that breaks it is a contract bug, like a broken output.
 */
function declaredData(
	declared: ErrorDeclaration,
	error: ContractError,
	logger: Logger,
	operation: string | undefined,
): unknown {
	if (declared.data === undefined) return error.data;
	let copy: unknown;
	try {
		copy = copyValue(error.data);
	} catch {
		copy = INVALID; // not JSON-like (a function...): fails the check below
	}
	const checked = compileValidator(declared.data).validate(copy);
	if (checked.ok) return checked.value;
	logger.error(
		{ code: error.code, operation, issues: checked.issues },
		'contract bug: the data of a raised error breaks its declaration',
	);
	return INVALID;
}

function violation(traceId: string): Problem {
	return createProblem('OUTPUT_CONTRACT_VIOLATION', { traceId, detail: OPAQUE_DETAIL });
}

const OPAQUE_DETAIL = 'An unexpected error occurred; quote the traceId when reporting it.';

function opaque(traceId: string): Problem {
	return createProblem('INTERNAL', { traceId, detail: OPAQUE_DETAIL });
}
