import "server-only";
import type { Ctx } from "../auth/principal";
import { apiRoute, json, queryObject, readJsonObject, versionFrom, withEtag } from "./route";

interface CrudApi<Out extends { version: number }> {
  list(args: { ctx: Ctx; query: unknown }): Promise<unknown>;
  get(args: { ctx: Ctx; id: string }): Promise<Out>;
  create(args: { ctx: Ctx; input: unknown }): Promise<Out>;
  update(args: { ctx: Ctx; id: string; input: unknown }): Promise<Out>;
  remove(args: { ctx: Ctx; id: string; version?: number }): Promise<void>;
}

/** GET (list) and POST for `/api/v1/<collection>`. */
export function collectionRoutes<Out extends { version: number }>(api: CrudApi<Out>) {
  return {
    GET: apiRoute(async (req, ctx) => json(await api.list({ ctx, query: queryObject(req) }))),
    POST: apiRoute(async (req, ctx) => withEtag(await api.create({ ctx, input: await readJsonObject(req) }), 201)),
  };
}

/** GET, PATCH and DELETE for `/api/v1/<collection>/{id}`. */
export function itemRoutes<Out extends { version: number }>(api: CrudApi<Out>) {
  return {
    GET: apiRoute(async (_req, ctx, { id }) => withEtag(await api.get({ ctx, id: id! }))),
    PATCH: apiRoute(async (req, ctx, { id }) => {
      const body = await readJsonObject(req);
      return withEtag(await api.update({ ctx, id: id!, input: { ...body, version: versionFrom(req, body) } }));
    }),
    DELETE: apiRoute(async (req, ctx, { id }) => {
      await api.remove({ ctx, id: id!, version: versionFrom(req) });
      return new Response(null, { status: 204 });
    }),
  };
}
