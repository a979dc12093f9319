import { createBackend, listBackends } from "@/lib/server/dal/backends";
import { apiRoute, json, queryObject, readJsonObject, withEtag } from "@/lib/server/http/route";

export const GET = apiRoute(async (req, ctx, { id }) => json(await listBackends({ ctx, poolId: id!, query: queryObject(req) })));

export const POST = apiRoute(async (req, ctx, { id }) =>
  withEtag(await createBackend({ ctx, poolId: id!, input: await readJsonObject(req) }), 201),
);
