import { getEngineStatus } from "@/lib/server/dal/engine/status";
import { apiRoute, json } from "@/lib/server/http/route";

/** Engine status: the leader (lease holder and fencing epoch) and each loop's last pass. */
export const GET = apiRoute(async (_req, ctx) => json(await getEngineStatus({ ctx })));
