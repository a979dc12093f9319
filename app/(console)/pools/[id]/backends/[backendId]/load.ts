import "server-only";
import type { Ctx } from "@/lib/server/auth/principal";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { getBackend } from "@/lib/server/dal/backends";
import { listHealthHistory } from "@/lib/server/dal/health-history";
import { listNodes } from "@/lib/server/dal/nodes";
import { getPod } from "@/lib/server/dal/pods";
import { getPool } from "@/lib/server/dal/pools";

export const HEALTH_HISTORY_PAGE = 20;

/**
 * Everything one backend's pane shows, read once for the first render: the backend in its pool, the pod behind it
 * and that pod's node (either may be gone, or never existed for a backend added by hand), and its latest health
 * transitions. A missing pool or backend is a 404 (null).
 */
export async function loadBackendPane(ctx: Ctx, poolId: string, backendId: string) {
  const pool = await loadOrNotFound(() => getPool({ ctx, id: poolId }));
  const backend = pool && (await loadOrNotFound(() => getBackend({ ctx, poolId, id: backendId })));
  if (!pool || !backend) return null;
  const [pod, history] = await Promise.all([
    backend.podId ? loadOrNotFound(() => getPod({ ctx, id: backend.podId! })) : null,
    listHealthHistory({ ctx, poolId, backendId, query: { limit: HEALTH_HISTORY_PAGE } }),
  ]);
  const node = pod?.nodeName ? ((await listNodes({ ctx, query: { q: pod.nodeName, limit: 500 } })).items.find((n) => n.name === pod.nodeName) ?? null) : null;
  return { pool, backend, pod, node, history };
}
