import { hostname } from "node:os";
import { Engine } from "@/lib/engine/engine";
import { authorize } from "@/lib/server/auth/principal";
import { apiRoute, json } from "@/lib/server/http/route";

/**
 * One pass of every control loop under the engine lease, for deployments without a long-lived worker (a cron
 * calling this route). Admin only. If a worker holds the lease, nothing runs and the answer says who leads.
 * Loops that need a local runtime (pod processes, health checks, data plane) are skipped: they live in a worker.
 */
export const POST = apiRoute(async (_req, ctx) => {
  authorize(ctx, "admin", { verb: "tick", objectType: "engine" });
  const engine = new Engine({ holder: `api:${hostname()}:${process.pid}`, leaseTtlMs: 10_000 });
  const report = await engine.pass();
  if (report.leader) await engine.release();
  return json(report);
});
