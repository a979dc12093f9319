import { apiRoute, json } from "@/lib/server/http/route";
import { ingest } from "@/lib/server/telemetry/ingest";

/** Simple JSON push: `{samples: [{name, kind?, labels?, value, at?}]}` (write permission). */
export const POST = apiRoute(async (req, ctx) => json(await ingest(req, ctx, "push"), 202));
