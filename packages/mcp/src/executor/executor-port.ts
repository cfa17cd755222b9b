import type { Executor } from '@charter/runtime';

/*
 * The one seam between this surface and @charter/runtime: the surface needs only `execute`
 * from the executor so tests and hosts may pass any object with it, and the problem catalogue
 * for the few problems it raises itself.
 */

export type {
	ContextProvider,
	Invocation,
	InvocationMetadata,
	InvocationResult,
	Principal,
	Problem,
	Span,
	Tracer,
} from '@charter/runtime';
export { createProblem, parseTraceparent, traceMcpRequest } from '@charter/runtime';

/** The executor as this surface sees it. */
export type ExecutorPort = Pick<Executor, 'execute'>;
