import "server-only";
import type { BackendHealths } from "@/lib/schemas/pool";
import type { Page } from "@/lib/schemas/list";
import { HealthHistoryQuery } from "@/lib/schemas/health-history";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { parseInput } from "../validation";
import { getBackend } from "./backends";

type Health = (typeof BackendHealths)[number];

/** One change of a backend's health as the health checker recorded it. */
export interface HealthTransitionView {
  id: string;
  from: Health;
  to: Health;
  /** passed, connection_refused, timeout, http_status, … */
  reason: string;
  detail: string | null;
  at: string;
}

/**
 * A backend's health history, newest first. The pool and backend must exist and belong together (404 otherwise);
 * pages follow the transition ids, which only grow, so a page never skips or repeats a row while new ones arrive.
 */
export async function listHealthHistory({ ctx, poolId, backendId, query }: { ctx: Ctx; poolId: string; backendId: string; query: unknown }): Promise<Page<HealthTransitionView>> {
  authorize(ctx, "read", { verb: "list", objectType: "health-transition", objectId: backendId });
  const q = parseInput(HealthHistoryQuery, query);
  await getBackend({ ctx, poolId, id: backendId });
  const rows = await db.healthTransition.findMany({
    where: { backendId, ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({ id: String(r.id), from: r.from, to: r.to, reason: r.reason, detail: r.detail, at: r.at.toISOString() })),
    nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
  };
}
