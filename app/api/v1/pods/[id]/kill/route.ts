import { requestPodKill } from "@/lib/server/dal/operations";
import { apiRoute, withEtag } from "@/lib/server/http/route";

/** Kill the pod's process (a simulated crash): accepted now, carried out by the worker's next pass. */
export const POST = apiRoute(async (_req, ctx, { id }) => withEtag(await requestPodKill({ ctx, id: id! }), 202));
