import { LogQuery } from "@/lib/schemas/logs";

type Ref = (description: string) => object;

const DESCRIPTIONS: Record<string, string> = {
  from: "Start: ISO time, epoch ms, or a span back from now (15m, 6h, 2d). Default: 15m (none with `after`)",
  to: "End: ISO time, epoch ms, or a span back from now",
  pod: "Pod name",
  node: "Node name",
  workload: "Workload (owner) name",
  service: "service.name",
  source: "pod, engine, dataplane, otlp (comma-separated)",
  stream: "stdout or stderr",
  level: "Minimum level: trace, debug, info, warn, error, fatal",
  levels: "Exact levels, comma-separated",
  traceId: "32 hex characters",
  labels: 'Other labels, key=value,key2="value 2" (all must hold)',
  q: "Case-insensitive substring of the body",
  regex: "RE2 pattern over the body (linear time; (?i) for case-insensitive); scanned within a budget, see scanLimited",
  limit: "1–1000, default 200",
  cursor: "nextCursor of the previous page (older records)",
  after: "A record id (lastId of a previous answer): only records stored since, for live follow",
};

/** The logs routes of the OpenAPI document: OTLP ingest, query, download (`ok` and `problem` come from openapi.ts). */
export function logsPaths({ ok, problem }: { ok: Ref; problem: Ref }) {
  const parameters = Object.keys(LogQuery.shape).map((name) => ({ name, in: "query", required: false, description: DESCRIPTIONS[name], schema: { type: "string" } }));
  const errors = { 400: problem("Invalid regex (errors[].path = regex), malformed cursor, or a search over its time limit"), 401: problem("No credentials"), 422: problem("Bad query") };
  return {
    "/v1/logs": {
      post: {
        tags: ["logs"],
        summary: "OTLP/HTTP logs export (ExportLogsServiceRequest), JSON or protobuf, optionally Content-Encoding: gzip",
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } }, "application/x-protobuf": { schema: { type: "string", format: "binary" } } } },
        responses: {
          200: ok("ExportLogsServiceResponse in the request's encoding: {} or { partialSuccess: { rejectedLogRecords, errorMessage } }"),
          401: problem("No credentials"),
          403: problem("Writers only"),
          413: problem("Body (or what it inflates to) over STRATUS_LOGS_MAX_BODY_BYTES"),
          415: problem("Neither JSON nor protobuf, or an encoding other than gzip"),
          429: problem("Over STRATUS_LOGS_INGEST_RATE records/s (Retry-After)"),
        },
      },
    },
    "/api/v1/logs": {
      get: {
        tags: ["logs"],
        summary: "Log records, newest first, filtered by time, labels, level, text or regex; keyset paging and live follow",
        parameters,
        responses: {
          200: ok("{ items: [{ id, at, level, source, stream, body, labels, pod, node, workload, service, traceId, spanId }], nextCursor, lastId, scanLimited? }"),
          ...errors,
        },
      },
    },
    "/api/v1/logs/download": {
      get: {
        tags: ["logs"],
        summary: "The same records as a text/plain attachment, one per line, newest first (at most 100,000)",
        parameters: parameters.filter((p) => p.name !== "after" && p.name !== "limit"),
        responses: { 200: { description: "text/plain; charset=utf-8", content: { "text/plain": { schema: { type: "string" } } } }, ...errors },
      },
    },
  };
}
