import { getAlert } from "@/lib/server/dal/alerts";
import { apiRoute, json } from "@/lib/server/http/route";

/** One alert episode with its history (`events`, oldest first). */
export const GET = apiRoute(async (_req, ctx, { id }) => json(await getAlert({ ctx, id: id! })));
