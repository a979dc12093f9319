import "server-only";
import type { PoolStats } from "@/lib/dataplane";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { notFound } from "../errors";
import { assertId } from "./versioned";

export interface PoolStatsView extends PoolStats {
  /** When the data plane last reported; null before it has served this pool. */
  at: string | null;
}

const EMPTY: PoolStats = { totalRequests: 0, successfulRequests: 0, failedRequests: 0, averageResponseTimeMs: 0, activeConnections: 0, backends: [] };

/** The data plane's latest counters for a pool (written by the worker every pass). */
export async function getPoolStats({ ctx, id }: { ctx: Ctx; id: string }): Promise<PoolStatsView> {
  authorize(ctx, "read", { verb: "read", objectType: "pool", objectId: id });
  const pool = await db.pool.findUnique({ where: { id: assertId(id, "Pool") }, include: { stats: true } });
  if (!pool) throw notFound("Pool");
  return pool.stats ? { ...(pool.stats.stats as unknown as PoolStats), at: pool.stats.at.toISOString() } : { ...EMPTY, at: null };
}
