import { revokeApiToken } from "@/lib/server/dal/api-tokens";
import { apiRoute } from "@/lib/server/http/route";

/** Revoke a token (its creator, or an admin): it stops working at once. */
export const DELETE = apiRoute(async (_req, ctx, { id }) => {
  await revokeApiToken({ ctx, id: id! });
  return new Response(null, { status: 204 });
});
