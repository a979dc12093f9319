import { expireSilence } from "@/lib/server/dal/silences";
import { apiRoute } from "@/lib/server/http/route";

/** Expire the silence now; it stays listed as expired. */
export const DELETE = apiRoute(async (_req, ctx, { id }) => {
  await expireSilence({ ctx, id: id! });
  return new Response(null, { status: 204 });
});
