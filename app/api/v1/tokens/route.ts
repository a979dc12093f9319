import { createApiToken, listApiTokens } from "@/lib/server/dal/api-tokens";
import { apiRoute, json, readJsonObject } from "@/lib/server/http/route";

/**
 * API tokens: GET yours (an admin's: everyone's), POST `{name, role, expiresInDays}` with a role no higher than
 * your own — the answer carries the `secret` this once.
 */
export const GET = apiRoute(async (_req, ctx) => json({ items: await listApiTokens({ ctx }), nextCursor: null }));
export const POST = apiRoute(async (req, ctx) => {
  const { token, secret } = await createApiToken({ ctx, input: await readJsonObject(req) });
  return json({ ...token, secret }, 201, { "cache-control": "no-store" });
});
