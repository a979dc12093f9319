import { queryMetrics } from "@/lib/server/dal/metrics-query";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** `?name=&labels=k=v,…&from=&to=&step=<s>&agg=avg|sum|min|max|last|rate|p50|p95|p99` → `{series: [{labels, points}]}`. */
export const GET = apiRoute(async (req, ctx) => json(await queryMetrics({ ctx, query: queryObject(req) })));
