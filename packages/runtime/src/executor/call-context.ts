import type { ErrorDeclaration } from '@charter/spec';
import type { InvocationMetadata, Principal } from '../context/principal.ts';
import type { Logger } from '../logging/logger.ts';
import type { ErrorRaisers } from '../problems/error-raisers.ts';
import type { TransactionScope } from '../stores/unit-of-work.ts';
import type { CallDeadline } from './call-deadline.ts';
import type { EmitBuffer } from './emit-buffer.ts';
import type { HandlerContext } from './implement.ts';

/**
 * The `ctx` a handler gets. A class rather than an object literal with getters: a literal
 * would make two getter closures per call; here `emit` and `signal` live on the prototype and
 * are only built (by the buffer and the deadline) for a handler that reads them.
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
		readonly errors: ErrorRaisers<Readonly<Record<string, ErrorDeclaration>>>,
		buffer: EmitBuffer,
		deadline: CallDeadline,
	) {
		this.#buffer = buffer;
		this.#deadline = deadline;
	}

	readonly #buffer: EmitBuffer;
	readonly #deadline: CallDeadline;

	get emit(): HandlerContext['emit'] {
		return this.#buffer.emit;
	}

	get signal(): AbortSignal {
		return this.#deadline.signal;
	}
}
