import { recordHealthTransition, syncPoolEndpoints, type DesiredEndpoint } from "@/lib/server/dal/engine/backends";
import type { EngineDeps } from "../deps";

/**
 * Service discovery: a pool owned by a container workload serves exactly the workload's ready pods. A pod that stops
 * being ready keeps its backend, marked unhealthy (as Kubernetes moves it to notReadyAddresses), until the pod itself
 * goes; the backend is then deregistered with it.
 */
export async function tick({ snapshot, write, now }: EngineDeps): Promise<void> {
  const podsById = new Map(snapshot.pods.map((p) => [p.id, p]));
  for (const pool of snapshot.pools) {
    if (!pool.ownerId) continue;
    const desired: DesiredEndpoint[] = snapshot.pods
      .filter((p) => p.ownerId === pool.ownerId && p.phase === "running" && p.ready && p.hostPort !== null)
      .map((p) => ({ podId: p.id, address: "127.0.0.1", port: p.hostPort! }));
    const current = pool.backends.filter((b) => b.podId !== null);
    const notReady = current.filter((b) => podsById.has(b.podId!) && !desired.some((d) => d.podId === b.podId));
    for (const backend of notReady.filter((b) => b.health !== "unhealthy")) {
      const pod = podsById.get(backend.podId!)!;
      await recordHealthTransition(write, {
        backendId: backend.id,
        poolId: pool.id,
        from: backend.health,
        to: "unhealthy",
        reason: "pod-not-ready",
        detail: `pod ${pod.name} is ${pod.phase}${pod.message ? `: ${pod.message}` : ""}`,
        at: new Date(now),
      });
    }
    const keep = current.filter((b) => notReady.includes(b)).map((b) => ({ podId: b.podId!, address: b.address, port: b.port }));
    const wanted = [...desired, ...keep];
    const same =
      current.length === wanted.length && wanted.every((d) => current.some((b) => b.podId === d.podId && b.address === d.address && b.port === d.port));
    if (!same) await syncPoolEndpoints(write, pool.id, wanted);
  }
}
