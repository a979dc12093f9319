import { get, hexId, keyValues, list, nanosToMicros } from "../otlp-values";
import { isSpanId, isTraceId, type Attributes, type SpanEvent, type SpanKind, type SpanRecord, type SpanStatus } from "./span";

/** SpanKind enum values by number (proto) and by name (proto3 JSON may send either); UNSPECIFIED reads as internal. */
const KINDS: Record<string, SpanKind> = {
  0: "internal",
  1: "internal",
  2: "server",
  3: "client",
  4: "producer",
  5: "consumer",
  SPAN_KIND_UNSPECIFIED: "internal",
  SPAN_KIND_INTERNAL: "internal",
  SPAN_KIND_SERVER: "server",
  SPAN_KIND_CLIENT: "client",
  SPAN_KIND_PRODUCER: "producer",
  SPAN_KIND_CONSUMER: "consumer",
};
const STATUSES: Record<string, SpanStatus> = { 0: "unset", 1: "ok", 2: "error", STATUS_CODE_UNSET: "unset", STATUS_CODE_OK: "ok", STATUS_CODE_ERROR: "error" };

const MAX_NAME = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * OTLP/HTTP JSON (ExportTraceServiceRequest: resourceSpans → scopeSpans → spans) → span records. A span without a
 * valid trace id, span id, name or start time, with a malformed parent id, or ending before it starts, is
 * skipped and counted (the response's partialSuccess.rejectedSpans). The service is the resource's
 * `service.name`; `stratus.pool.id` and `stratus.pod.name` (or `k8s.pod.name`) link a span to the console.
 */
export function spansFromOtlpJson(body: unknown): { spans: SpanRecord[]; skipped: number } {
  const spans: SpanRecord[] = [];
  let skipped = 0;
  for (const rs of list(get(body, "resourceSpans"))) {
    const resource = keyValues(get(get(rs, "resource"), "attributes"));
    const service = typeof resource["service.name"] === "string" && resource["service.name"] !== "" ? resource["service.name"] : "unknown_service";
    for (const ss of list(get(rs, "scopeSpans"))) {
      const scope = scopeAttributes(get(ss, "scope"));
      for (const raw of list(get(ss, "spans"))) {
        const span = toSpan(raw, resource, service, scope);
        if (span) spans.push(span);
        else skipped++;
      }
    }
  }
  return { spans, skipped };
}

function toSpan(raw: unknown, resource: Attributes, service: string, scope: Attributes): SpanRecord | null {
  const traceId = hexId(get(raw, "traceId"));
  const spanId = hexId(get(raw, "spanId"));
  const parent = hexId(get(raw, "parentSpanId"));
  const name = get(raw, "name");
  const startUs = nanosToMicros(get(raw, "startTimeUnixNano"));
  const endUs = nanosToMicros(get(raw, "endTimeUnixNano"));
  if (!isTraceId(traceId) || !isSpanId(spanId) || (parent !== "" && !isSpanId(parent))) return null;
  if (typeof name !== "string" || name === "" || !(startUs > 0) || !(endUs >= startUs)) return null;
  const attributes = { ...keyValues(get(raw, "attributes")), ...scope };
  const status = get(raw, "status");
  const message = get(status, "message");
  return {
    traceId,
    spanId,
    parentSpanId: parent === "" ? null : parent,
    name: name.slice(0, MAX_NAME),
    service,
    kind: KINDS[String(get(raw, "kind") ?? 0)] ?? "internal",
    startUs,
    durationUs: endUs - startUs,
    status: STATUSES[String(get(status, "code") ?? 0)] ?? "unset",
    statusMessage: typeof message === "string" && message !== "" ? message : null,
    attributes,
    events: events(get(raw, "events")),
    resource,
    poolId: firstString(UUID, attributes["stratus.pool.id"], resource["stratus.pool.id"])?.toLowerCase() ?? null,
    podName: firstString(null, attributes["stratus.pod.name"], resource["stratus.pod.name"], resource["k8s.pod.name"]),
  };
}

/** Events without a time are dropped; the span keeps the rest. */
function events(raw: unknown): SpanEvent[] {
  const out: SpanEvent[] = [];
  for (const e of list(raw)) {
    const timeUs = nanosToMicros(get(e, "timeUnixNano"));
    const name = get(e, "name");
    if (timeUs > 0) out.push({ name: typeof name === "string" ? name : "", timeUs, attributes: keyValues(get(e, "attributes")) });
  }
  return out;
}

/** The instrumentation scope, as OpenTelemetry's non-OTLP exporters record it: `otel.scope.name` / `.version`. */
function scopeAttributes(scope: unknown): Attributes {
  const out: Attributes = {};
  const name = get(scope, "name");
  const version = get(scope, "version");
  if (typeof name === "string" && name !== "") out["otel.scope.name"] = name;
  if (typeof version === "string" && version !== "") out["otel.scope.version"] = version;
  return out;
}

function firstString(shape: RegExp | null, ...values: unknown[]): string | null {
  for (const v of values) if (typeof v === "string" && v !== "" && (shape === null || shape.test(v))) return v.slice(0, 253);
  return null;
}
