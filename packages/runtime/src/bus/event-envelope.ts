/**
 * An emitted event as it is stored and published: a CloudEvents 1.0 JSON envelope, plus the
 * event contract's version and the trace id of the command that emitted it.
 */
export interface EventEnvelope<P = unknown> {
	readonly specversion: '1.0';
	/** Unique id; consumers de-duplicate by it (delivery is at least once). */
	readonly id: string;
	/** The emitting operation, `charter:operation/<key>@<version>`. */
	readonly source: string;
	/** The event key, e.g. `workflow.instance.paused`. */
	readonly type: string;
	readonly time: string;
	readonly datacontenttype: 'application/json';
	readonly data: P;
	/** The event contract's version. */
	readonly eventversion: string;
	readonly traceid: string;
	/**
	 * The W3C trace context of the command's span (the CloudEvents distributed tracing
	 * extension), when the server traces: a subscriber's span links to it.
	 */
	readonly traceparent?: string;
	/** The tenant of the principal who caused the event, when any. */
	readonly tenant?: string;
}
