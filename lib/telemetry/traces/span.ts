/** A span as Stratus stores and shows it, whatever it came from (OTLP ingest or the data plane's own). */

export const SPAN_KINDS = ["internal", "server", "client", "producer", "consumer"] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export const SPAN_STATUSES = ["unset", "ok", "error"] as const;
export type SpanStatus = (typeof SPAN_STATUSES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Attributes = Record<string, JsonValue>;

export interface SpanEvent {
  name: string;
  /** Microseconds since the epoch. */
  timeUs: number;
  attributes: Attributes;
}

export interface SpanRecord {
  /** 32 lower-case hex characters. */
  traceId: string;
  /** 16 lower-case hex characters. */
  spanId: string;
  parentSpanId: string | null;
  name: string;
  service: string;
  kind: SpanKind;
  /** Microseconds since the epoch (a double holds µs exactly until the year 2255). */
  startUs: number;
  durationUs: number;
  status: SpanStatus;
  statusMessage: string | null;
  attributes: Attributes;
  events: SpanEvent[];
  resource: Attributes;
  /** Links the span to the console's pool and pod pages. */
  poolId: string | null;
  podName: string | null;
}

export const TRACE_ID = /^[0-9a-f]{32}$/;
export const SPAN_ID = /^[0-9a-f]{16}$/;
const ALL_ZERO = /^0+$/;

export const isTraceId = (id: string) => TRACE_ID.test(id) && !ALL_ZERO.test(id);
export const isSpanId = (id: string) => SPAN_ID.test(id) && !ALL_ZERO.test(id);
