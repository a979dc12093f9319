import { apiRoute, json } from "@/lib/server/http/route";
import { ingestMetrics } from "@/lib/server/telemetry/ingest";

/** Simple JSON push: `{samples: [{name, kind?, labels?, value, at?}]}` (write permission). */
export const POST = apiRoute(async (req, ctx) => json(await ingestMetrics(req, ctx, "push"), 202));
