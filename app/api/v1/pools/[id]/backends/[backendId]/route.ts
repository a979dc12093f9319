import { deleteBackend, getBackend, updateBackend } from "@/lib/server/dal/backends";
import { apiRoute, readJsonObject, versionFrom, withEtag } from "@/lib/server/http/route";

export const GET = apiRoute(async (_req, ctx, { id, backendId }) => withEtag(await getBackend({ ctx, poolId: id!, id: backendId! })));

export const PATCH = apiRoute(async (req, ctx, { id, backendId }) => {
  const body = await readJsonObject(req);
  return withEtag(await updateBackend({ ctx, poolId: id!, id: backendId!, input: { ...body, version: versionFrom(req, body) } }));
});

export const DELETE = apiRoute(async (req, ctx, { id, backendId }) => {
  await deleteBackend({ ctx, poolId: id!, id: backendId!, version: versionFrom(req) });
  return new Response(null, { status: 204 });
});
