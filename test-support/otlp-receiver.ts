import { gunzipSync } from 'node:zlib';
import { serveNode, type TestServer } from './node-server.ts';

/** An OTLP attribute value as the JSON encoding writes it. */
interface AnyValue {
	readonly stringValue?: string;
	readonly intValue?: string | number;
	readonly boolValue?: boolean;
	readonly doubleValue?: number;
}
interface KeyValue {
	readonly key: string;
	readonly value: AnyValue;
}

/** A received span, its attributes flattened. */
export interface ReceivedSpan {
	readonly name: string;
	readonly kind: number;
	readonly traceId: string;
	readonly spanId: string;
	readonly parentSpanId: string | undefined;
	readonly attributes: Record<string, unknown>;
	readonly links: readonly { traceId: string; spanId: string }[];
	/** The resource's attributes (`service.name`...). */
	readonly resource: Record<string, unknown>;
}

/** A received metric data point, with its metric's name. */
export interface ReceivedPoint {
	readonly metric: string;
	readonly attributes: Record<string, unknown>;
	/** A sum's value, or a histogram's count. */
	readonly value: number;
}

/** A local OTLP/HTTP receiver (JSON encoding) that keeps what exporters send it. */
export interface OtlpReceiver extends TestServer {
	readonly spans: ReceivedSpan[];
	readonly points: ReceivedPoint[];
}

const flat = (attributes: readonly KeyValue[] | undefined): Record<string, unknown> =>
	Object.fromEntries(
		(attributes ?? []).map(({ key, value }) => [
			key,
			value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue),
		]),
	);

/**
 * Starts a receiver for `OTEL_EXPORTER_OTLP_ENDPOINT` with
 * `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`: it answers `/v1/traces` and `/v1/metrics` as a
 * collector does and records the spans and data points.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
	const spans: ReceivedSpan[] = [];
	const points: ReceivedPoint[] = [];
	const server = await serveNode((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			let body = Buffer.concat(chunks);
			if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
			const payload = JSON.parse(body.toString('utf8') || '{}');
			if (request.url === '/v1/traces') collectSpans(payload, spans);
			if (request.url === '/v1/metrics') collectPoints(payload, points);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	return { ...server, spans, points };
}

function collectSpans(payload: any, into: ReceivedSpan[]): void {
	for (const resourceSpans of payload.resourceSpans ?? []) {
		const resource = flat(resourceSpans.resource?.attributes);
		for (const scope of resourceSpans.scopeSpans ?? []) {
			for (const span of scope.spans ?? []) {
				into.push({
					name: span.name,
					kind: span.kind,
					traceId: span.traceId,
					spanId: span.spanId,
					parentSpanId: span.parentSpanId || undefined,
					attributes: flat(span.attributes),
					links: (span.links ?? []).map((l: any) => ({ traceId: l.traceId, spanId: l.spanId })),
					resource,
				});
			}
		}
	}
}

function collectPoints(payload: any, into: ReceivedPoint[]): void {
	for (const resourceMetrics of payload.resourceMetrics ?? []) {
		for (const scope of resourceMetrics.scopeMetrics ?? []) {
			for (const metric of scope.metrics ?? []) {
				const sum = metric.sum?.dataPoints ?? [];
				const histogram = metric.histogram?.dataPoints ?? [];
				for (const point of sum)
					into.push({
						metric: metric.name,
						attributes: flat(point.attributes),
						value: Number(point.asInt ?? point.asDouble),
					});
				for (const point of histogram)
					into.push({
						metric: metric.name,
						attributes: flat(point.attributes),
						value: Number(point.count),
					});
			}
		}
	}
}
