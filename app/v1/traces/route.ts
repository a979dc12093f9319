import { apiRoute } from "@/lib/server/http/route";
import { ingestTraces, otlpExportResponse } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP traces export (JSON or protobuf, optionally gzipped), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = apiRoute(async (req, ctx) => {
  const { skipped } = await ingestTraces(req, ctx);
  // ExportTraceServiceResponse in the request's encoding: a partial success names how many spans were dropped.
  return otlpExportResponse(req, "traces", skipped, "malformed spans (ids, name or times)");
});
