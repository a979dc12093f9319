import { drainNode } from "@/lib/server/dal/scheduling";
import { apiRoute, json } from "@/lib/server/http/route";

/** Cordon and drain: `{node, moved: [{pod, to}], unplaced: [{pod, summary}]}`. */
export const POST = apiRoute(async (_req, ctx, { id }) => json(await drainNode({ ctx, id: id! })));
