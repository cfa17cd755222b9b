import type { ErrorDeclaration } from '@charter/spec';
import type { InvocationMetadata, Principal } from '../context/principal.ts';
import type { Logger } from '../logging/logger.ts';
import type { ErrorRaisers } from '../problems/error-raisers.ts';
import type { TransactionScope } from '../stores/unit-of-work.ts';
import type { CallDeadline } from './call-deadline.ts';
import type { EmitBuffer } from './emit-buffer.ts';
import type { HandlerContext } from './implement.ts';
import { CallResponse, type ResponseRules, type ResponseState } from './response-control.ts';

/** What the context needs of the operation's plan. */
interface PlanPart {
	readonly id: string;
	readonly errorRaisers: ErrorRaisers<Readonly<Record<string, ErrorDeclaration>>>;
	readonly responseRules: ResponseRules;
}

/**
 * The `ctx` a handler gets. A class rather than an object literal with getters: a literal
 * would make two getter closures per call; here `emit`, `signal` and `response` live on the
 * prototype and are only built (by the buffer, the deadline, the plan's rules) for a handler
 * that reads them.
 */
export class CallContext implements HandlerContext {
	constructor(
		readonly principal: Principal | undefined,
		readonly logger: Logger,
		readonly traceId: string,
		readonly idempotencyKey: string | undefined,
		readonly now: () => Date,
		readonly transaction: TransactionScope | undefined,
		readonly metadata: InvocationMetadata,
		plan: PlanPart,
		buffer: EmitBuffer,
		deadline: CallDeadline,
	) {
		this.#plan = plan;
		this.#buffer = buffer;
		this.#deadline = deadline;
	}

	readonly #plan: PlanPart;
	readonly #buffer: EmitBuffer;
	readonly #deadline: CallDeadline;
	#response: CallResponse | undefined;

	get errors(): HandlerContext['errors'] {
		return this.#plan.errorRaisers;
	}

	get emit(): HandlerContext['emit'] {
		return this.#buffer.emit;
	}

	get signal(): AbortSignal {
		return this.#deadline.signal;
	}

	get response(): HandlerContext['response'] {
		this.#response ??= new CallResponse(this.#plan.responseRules, this.#plan.id);
		return this.#response;
	}

	/** What the handler set of its response; undefined when it never read `ctx.response`. */
	get responseState(): ResponseState | undefined {
		return this.#response?.state;
	}

	get tx(): unknown {
		return this.transaction?.handle;
	}
}
