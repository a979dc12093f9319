import { apiRoute, json } from "@/lib/server/http/route";
import { ingest } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP metrics export (JSON encoding), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = apiRoute(async (req, ctx) => {
  const { skipped } = await ingest(req, ctx, "otlp");
  // ExportMetricsServiceResponse: a partial success names how many data points were dropped.
  return json(skipped > 0 ? { partialSuccess: { rejectedDataPoints: skipped, errorMessage: "unsupported or malformed data points" } } : {});
});
