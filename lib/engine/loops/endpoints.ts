import { syncPoolEndpoints, type DesiredEndpoint } from "@/lib/server/dal/engine/backends";
import type { EngineDeps } from "../deps";

/** Service discovery: a pool owned by a container workload serves exactly the workload's ready pods. */
export async function tick({ snapshot, write }: EngineDeps): Promise<void> {
  for (const pool of snapshot.pools) {
    if (!pool.ownerId) continue;
    const desired: DesiredEndpoint[] = snapshot.pods
      .filter((p) => p.ownerId === pool.ownerId && p.phase === "running" && p.ready && p.hostPort !== null)
      .map((p) => ({ podId: p.id, address: "127.0.0.1", port: p.hostPort! }));
    const current = pool.backends.filter((b) => b.podId !== null);
    const same =
      current.length === desired.length && desired.every((d) => current.some((b) => b.podId === d.podId && b.address === d.address && b.port === d.port));
    if (!same) await syncPoolEndpoints(write, pool.id, desired);
  }
}
