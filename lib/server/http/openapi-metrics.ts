import { z } from "zod";
import { MetricQueryInput, PushMetricsInput } from "@/lib/schemas/metrics";

type Ref = (description: string) => object;

/** The metrics routes of the OpenAPI document: push, OTLP, query, names (helpers passed in from openapi.ts). */
export function metricsPaths({ ok, problem }: { ok: Ref; problem: Ref }) {
  const backpressure = { 413: problem("Body over STRATUS_METRICS_MAX_BODY_BYTES"), 415: problem("Not JSON"), 429: problem("Over the ingest rate (Retry-After)") };
  const queryParameters = Object.keys(MetricQueryInput.shape).map((name) => ({ name, in: "query", required: name === "name", schema: { type: "string" } }));
  return {
    "/api/v1/metrics": {
      post: {
        tags: ["metrics"],
        summary: "Push samples: {samples: [{name, kind?, labels?, value, at?, bounds?, buckets?, count?}]}",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PushMetricsInput" } } } },
        responses: { 202: ok("{ accepted, skipped }"), 401: problem("No credentials"), 403: problem("Writers only"), 422: problem("Invalid fields"), ...backpressure },
      },
    },
    "/v1/metrics": {
      post: {
        tags: ["metrics"],
        summary: "OTLP/HTTP metrics export (ExportMetricsServiceRequest), JSON or protobuf, optionally Content-Encoding: gzip",
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } }, "application/x-protobuf": { schema: { type: "string", format: "binary" } } } },
        responses: {
          200: ok("ExportMetricsServiceResponse in the request's encoding (partialSuccess when points were dropped)"),
          400: problem("Malformed JSON, protobuf or gzip"),
          401: problem("No credentials"),
          403: problem("Writers only"),
          ...backpressure,
          413: problem("Body (or what it inflates to) over STRATUS_METRICS_MAX_BODY_BYTES"),
          415: problem("Neither JSON nor protobuf, or an encoding other than gzip"),
        },
      },
    },
    "/api/v1/metrics/query": {
      get: {
        tags: ["metrics"],
        summary: "One point per step for each series of a metric: agg avg|sum|min|max|last|rate|p50|p95|p99; labels k=v,…",
        parameters: queryParameters,
        responses: { 200: ok("{ series: [{ labels, kind, points: [[ms, value]] }], stepMs }"), 401: problem("No credentials"), 422: problem("Bad query") },
      },
    },
    "/api/v1/metrics/names": {
      get: { tags: ["metrics"], summary: "Every metric name with its kind and series count", responses: { 200: ok("{ items: [{ name, kind, series }] }"), 401: problem("No credentials") } },
    },
  };
}

export const metricsSchemas = (schema: (s: z.ZodType) => object) => ({ PushMetricsInput: schema(PushMetricsInput) });
