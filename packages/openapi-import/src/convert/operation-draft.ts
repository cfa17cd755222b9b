// The drafts operation conversion produces: an operation ready to be written as a contract, and
// its declared errors.
import type { ErrorResponseKey, RestTransport } from '@charter/spec';
import type { Expr } from './type-expr.ts';

/** A declared error of an imported operation. */
export interface ErrorDraft {
	readonly code: string;
	readonly status: number;
	/** The source's response key when it is a range (`4XX`) or `default`. */
	readonly documentedAs?: ErrorResponseKey;
	readonly description: string;
	readonly data?: Expr;
}

/** An operation ready to be written as `defineCommand` / `defineQuery`. */
export interface OperationDraft {
	readonly constName: string;
	readonly kind: 'command' | 'query';
	readonly key: string;
	readonly version: string;
	readonly group: string;
	readonly module: string;
	readonly title?: string;
	readonly description?: string;
	readonly tags: readonly string[];
	readonly deprecated: boolean;
	readonly input: Expr;
	readonly output: Expr;
	readonly errors: readonly ErrorDraft[];
	readonly auth: 'anonymous' | 'user';
	readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly path: string;
	/** Header parameters, by input field name: the wrappers read them from request headers. */
	readonly headers: readonly string[];
	/** The REST wire beyond method and path: parameters, body, success statuses and headers. */
	readonly rest: Pick<
		RestTransport,
		'parameters' | 'bodyField' | 'bodyMediaTypes' | 'status' | 'response'
	>;
	readonly graphqlField?: string;
	readonly mcpTool?: string;
	/** JSON path of the operation in the source document. */
	readonly pointer: string;
}
