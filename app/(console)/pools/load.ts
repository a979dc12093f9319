import "server-only";
import type { Ctx } from "@/lib/server/auth/principal";
import type { Page } from "@/lib/schemas/list";
import { listBackends } from "@/lib/server/dal/backends";
import { listPools, type Pool } from "@/lib/server/dal/pools";

/** Backend counts for one pool in the list; `more` when the pool has more backends than one bounded read shows. */
export interface BackendCounts {
  healthy: number;
  total: number;
  more: boolean;
}
export type PoolRow = Pool & { backends: BackendCounts | null };

const BACKENDS_PER_POOL = 500;
const CONCURRENCY = 4;

/**
 * One page of pools with their backends counted. Reads are bounded: one page of pools (≤ its limit), one
 * backend read per pool capped at BACKENDS_PER_POOL, at most CONCURRENCY at a time. A pool deleted mid-read
 * shows no counts rather than failing the page.
 */
export async function listPoolRows(ctx: Ctx, query: Record<string, string | undefined>): Promise<Page<PoolRow>> {
  const page = await listPools({ ctx, query });
  const items: PoolRow[] = new Array(page.items.length);
  let next = 0;
  async function worker() {
    while (next < page.items.length) {
      const i = next++;
      const pool = page.items[i]!;
      const backends = await listBackends({ ctx, poolId: pool.id, query: { limit: BACKENDS_PER_POOL } }).catch(() => null);
      items[i] = {
        ...pool,
        backends: backends && {
          healthy: backends.items.filter((b) => b.health === "healthy").length,
          total: backends.items.length,
          more: backends.nextCursor !== null,
        },
      };
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, page.items.length) }, worker));
  return { items, nextCursor: page.nextCursor };
}
