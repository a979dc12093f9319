import { selfMetrics } from "@/lib/server/telemetry/self-metrics";

export const dynamic = "force-dynamic";

/**
 * Stratus's own metrics in Prometheus text format, unauthenticated as scrapers expect: process figures and ingest
 * counters only, no names, labels or values from the estate.
 */
export async function GET() {
  return new Response(await selfMetrics.registry.metrics(), { headers: { "content-type": selfMetrics.registry.contentType } });
}
