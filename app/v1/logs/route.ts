import { ingestLogs, otlpExportResponse, otlpRoute } from "@/lib/server/telemetry/ingest";

/** OTLP/HTTP logs export (JSON or protobuf, optionally gzipped; a protobuf request's errors are a protobuf google.rpc.Status), at the path OTLP exporters post to by default. Bearer token with write. */
export const POST = otlpRoute(async (req, ctx) => {
  const { skipped } = await ingestLogs(req, ctx);
  // ExportLogsServiceResponse in the request's encoding: a partial success names how many records were dropped.
  return otlpExportResponse(req, "logs", skipped, "malformed log records");
});
