import "server-only";
import { authorize, type Ctx } from "../../auth/principal";
import { db } from "../../db";

export interface EngineStatus {
  leader: { holder: string; epoch: number; expiresAt: string; renewedAt: string; live: boolean } | null;
  loops: Array<{ name: string; holder: string; epoch: number; lastTickAt: string; lagMs: number; durationMs: number; error: string | null }>;
}

/** Who leads, and when each loop last ran (lag = time since its last pass). */
export async function getEngineStatus({ ctx }: { ctx: Ctx }): Promise<EngineStatus> {
  authorize(ctx, "read", { verb: "read", objectType: "engine" });
  const [lease, loops, now] = await Promise.all([
    db.engineLease.findUnique({ where: { name: "engine" } }),
    db.engineLoop.findMany({ orderBy: { name: "asc" } }),
    db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`,
  ]);
  const dbNow = now[0]!.now.getTime();
  return {
    leader: lease
      ? { holder: lease.holder, epoch: lease.epoch, expiresAt: lease.expiresAt.toISOString(), renewedAt: lease.renewedAt.toISOString(), live: lease.expiresAt.getTime() > dbNow }
      : null,
    loops: loops.map((l) => ({
      name: l.name,
      holder: l.holder,
      epoch: l.epoch,
      lastTickAt: l.lastTickAt.toISOString(),
      lagMs: Math.max(0, dbNow - l.lastTickAt.getTime()),
      durationMs: l.durationMs,
      error: l.error,
    })),
  };
}
