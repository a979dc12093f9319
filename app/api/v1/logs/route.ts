import { queryLogs } from "@/lib/server/dal/logs";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/**
 * Log records, newest first: `from`, `to`, `pod`, `node`, `workload`, `service`, `source`, `stream`, `level` (minimum)
 * or `levels` (set), `traceId`, `labels`, `q` (substring), `regex` (RE2), `limit`, `cursor`, `after` (live follow).
 */
export const GET = apiRoute(async (req, ctx) => json(await queryLogs({ ctx, query: queryObject(req) }), 200, { "cache-control": "no-store" }));
