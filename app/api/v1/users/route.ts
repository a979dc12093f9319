import { createUser, listUsers } from "@/lib/server/dal/users";
import { apiRoute, json, readJsonObject } from "@/lib/server/http/route";

/** Users (admins only): GET list, POST create `{name, email, role, password}`. */
export const GET = apiRoute(async (_req, ctx) => json({ items: await listUsers({ ctx }), nextCursor: null }));
export const POST = apiRoute(async (req, ctx) => json(await createUser({ ctx, input: await readJsonObject(req) }), 201));
