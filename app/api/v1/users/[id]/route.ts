import { getUser, updateUser } from "@/lib/server/dal/users";
import { apiRoute, json, readJsonObject } from "@/lib/server/http/route";

/** One user (admins only): GET, PATCH `{name?, role?, disabled?, password?}` — disabling ends their sessions. */
export const GET = apiRoute(async (_req, ctx, { id }) => json(await getUser({ ctx, id: id! })));
export const PATCH = apiRoute(async (req, ctx, { id }) => json(await updateUser({ ctx, id: id!, input: await readJsonObject(req) })));
