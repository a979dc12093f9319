import { apiRoute } from "@/lib/server/http/route";
import { ingestMetrics, otlpExportResponse } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP metrics export (JSON or protobuf, optionally gzipped), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = apiRoute(async (req, ctx) => {
  const { skipped } = await ingestMetrics(req, ctx, "otlp");
  // ExportMetricsServiceResponse in the request's encoding: a partial success names how many data points were dropped.
  return otlpExportResponse(req, "metrics", skipped, "unsupported or malformed data points");
});
