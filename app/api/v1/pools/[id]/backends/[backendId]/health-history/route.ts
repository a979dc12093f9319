import { listHealthHistory } from "@/lib/server/dal/health-history";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** `?limit=&cursor=` → `{ items: [{ id, from, to, reason, detail, at }], nextCursor }`, newest first. */
export const GET = apiRoute(async (req, ctx, { id, backendId }) => json(await listHealthHistory({ ctx, poolId: id!, backendId: backendId!, query: queryObject(req) })));
