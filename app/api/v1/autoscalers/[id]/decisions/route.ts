import { listScaleDecisions } from "@/lib/server/dal/autoscalers";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** The autoscaler's decisions with their explanations, newest first (`limit`, `from`, `to`, `step` to thin for a chart). */
export const GET = apiRoute(async (req, ctx, { id }) => {
  const { limit, from, to, step } = queryObject(req);
  return json(await listScaleDecisions({ ctx, autoscalerId: id!, limit, from, to, step }));
});
