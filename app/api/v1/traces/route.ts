import { listTraces } from "@/lib/server/dal/traces";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** Trace summaries, newest first: `service`, `minDurationMs`, `maxDurationMs`, `status`, `poolId`, `podName`, `from`, `to`, `limit`, `cursor`. */
export const GET = apiRoute(async (req, ctx) => json(await listTraces({ ctx, query: queryObject(req) })));
