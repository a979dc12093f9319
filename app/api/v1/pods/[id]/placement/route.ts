import { explainPodPlacement } from "@/lib/server/dal/scheduling";
import { apiRoute, json } from "@/lib/server/http/route";

/** Why a pod is pending: each node with the first scheduler filter that refuses it, or where it would fit. */
export const GET = apiRoute(async (_req, ctx, { id }) => json(await explainPodPlacement({ ctx, id: id! })));
