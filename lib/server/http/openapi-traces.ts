import { TraceQuery } from "@/lib/schemas/traces";

type Ref = (description: string) => object;

const DESCRIPTIONS: Record<string, string> = {
  service: "Traces with a span of this service (service.name)",
  minDurationMs: "Whole-trace duration at least this many ms",
  maxDurationMs: "Whole-trace duration at most this many ms",
  status: "error: some span failed; ok: none did",
  poolId: "Traces through this pool (a span's stratus.pool.id)",
  podName: "Traces with a span of this pod",
  from: "Traces starting at or after: ISO time, epoch ms, or a span back from now (15m, 6h, 2d). Default: 1h",
  to: "Traces starting at or before (same forms). Default: now",
  limit: "1–200, default 50",
  cursor: "nextCursor of the previous page (older traces)",
};

/** The traces routes of the OpenAPI document: OTLP ingest, the list, one trace (helpers passed in from openapi.ts). */
export function tracesPaths({ ok, problem }: { ok: Ref; problem: Ref }) {
  const parameters = Object.keys(TraceQuery.shape).map((name) => ({ name, in: "query", required: false, description: DESCRIPTIONS[name], schema: { type: "string" } }));
  return {
    "/v1/traces": {
      post: {
        tags: ["traces"],
        summary: "OTLP/HTTP traces export (ExportTraceServiceRequest), JSON or protobuf, optionally Content-Encoding: gzip",
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } }, "application/x-protobuf": { schema: { type: "string", format: "binary" } } } },
        responses: {
          200: ok("ExportTraceServiceResponse in the request's encoding: {} or { partialSuccess: { rejectedSpans, errorMessage } }"),
          401: problem("No credentials"),
          403: problem("Writers only"),
          413: problem("Body over STRATUS_TRACES_MAX_BODY_BYTES"),
          415: problem("Neither OTLP JSON nor protobuf"),
          429: problem("Over STRATUS_TRACES_INGEST_RATE spans/s (Retry-After)"),
        },
      },
    },
    "/api/v1/traces": {
      get: {
        tags: ["traces"],
        summary: "Trace summaries, newest first",
        parameters,
        responses: {
          200: ok("{ items: [{ traceId, rootName, service, startAt, durationMs, spanCount, errorCount }], nextCursor }"),
          401: problem("No credentials"),
          422: problem("Bad query (errors[].path names the parameter)"),
        },
      },
    },
    "/api/v1/traces/{traceId}": {
      get: {
        tags: ["traces"],
        summary: "One trace: its spans by start time (attributes, events, resource), and the pools and pods they name",
        parameters: [{ name: "traceId", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-fA-F]{32}$" } }],
        responses: {
          200: ok("{ traceId, spans: [{ spanId, parentSpanId, name, service, kind, startAt, startUs, durationUs, status, statusMessage, attributes, events, resource, poolId, podName }], pools, pods, truncated }"),
          400: problem("Not a trace id (32 hex characters)"),
          401: problem("No credentials"),
          404: problem("No span of this trace is stored"),
        },
      },
    },
  };
}
