import { ingestMetrics, otlpExportResponse, otlpRoute } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP metrics export (JSON or protobuf, optionally gzipped; a protobuf request's errors are a protobuf google.rpc.Status), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = otlpRoute(async (req, ctx) => {
  const { skipped } = await ingestMetrics(req, ctx, "otlp");
  // ExportMetricsServiceResponse in the request's encoding: a partial success names how many data points were dropped.
  return otlpExportResponse(req, "metrics", skipped, "unsupported or malformed data points");
});
