import { hostname } from "node:os";
import { passWithoutWorker } from "@/lib/engine/pass-without-worker";
import { authorize } from "@/lib/server/auth/principal";
import { apiRoute, json } from "@/lib/server/http/route";

/** One engine pass under the lease, for deployments without a worker (see passWithoutWorker). Admin only. */
export const POST = apiRoute(async (_req, ctx) => {
  authorize(ctx, "admin", { verb: "tick", objectType: "engine" });
  return json(await passWithoutWorker(`api:${hostname()}:${process.pid}`));
});
