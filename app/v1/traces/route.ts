import { ingestTraces, otlpExportResponse, otlpRoute } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP traces export (JSON or protobuf, optionally gzipped; a protobuf request's errors are a protobuf google.rpc.Status), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = otlpRoute(async (req, ctx) => {
  const { skipped } = await ingestTraces(req, ctx);
  // ExportTraceServiceResponse in the request's encoding: a partial success names how many spans were dropped.
  return otlpExportResponse(req, "traces", skipped, "malformed spans (ids, name or times)");
});
