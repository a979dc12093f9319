import { recordHealthTransition, syncPoolEndpoints } from "@/lib/server/dal/engine/backends";
import type { EngineDeps } from "../deps";
import { planEndpoints } from "./endpoint-plan";

/**
 * Service discovery: a pool owned by a container workload serves exactly the workload's ready pods. A pod that stops
 * being ready keeps its backend, marked unhealthy (as Kubernetes moves it to notReadyAddresses), until the pod itself
 * goes; the backend is then deregistered with it.
 */
export async function tick({ snapshot, write, now }: EngineDeps): Promise<void> {
  for (const pool of snapshot.pools) {
    if (!pool.ownerId) continue;
    const plan = planEndpoints(pool, snapshot.pods);
    for (const { backend, pod } of plan.turnUnhealthy) {
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
    if (plan.changed) await syncPoolEndpoints(write, pool.id, plan.endpoints);
  }
}
