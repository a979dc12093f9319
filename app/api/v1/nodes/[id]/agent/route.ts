import { setNodeAgent } from "@/lib/server/dal/operations";
import { apiRoute, readJsonObject, withEtag } from "@/lib/server/http/route";

/** Stop (a simulated machine failure) or start the node's agent: `{ "stopped": true | false }`. */
export const POST = apiRoute(async (req, ctx, { id }) => {
  const body = await readJsonObject(req);
  return withEtag(await setNodeAgent({ ctx, id: id!, stopped: body.stopped }), 202);
});
