import { listAlerts } from "@/lib/server/dal/alerts";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** Alert episodes, newest first: `state` (one or several, comma-separated), `ruleId`, `severity`, `from`, `to`, `cursor`, `limit`. */
export const GET = apiRoute(async (req, ctx) => json(await listAlerts({ ctx, query: queryObject(req) })));
