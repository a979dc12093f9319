import { getPoolStats } from "@/lib/server/dal/pool-stats";
import { apiRoute, json } from "@/lib/server/http/route";

/** `{totalRequests, successfulRequests, failedRequests, averageResponseTimeMs, activeConnections, backends: [...]}` */
export const GET = apiRoute(async (_req, ctx, { id }) => json(await getPoolStats({ ctx, id: id! })));
