import { createWorkloadPod, deleteEnginePod } from "@/lib/server/dal/engine/pods";
import type { EngineDeps } from "../deps";

const LIVE = new Set(["pending", "running", "unknown"]);

/**
 * ReplicaSet controller: each container workload has exactly `spec.replicas` live pods. Failed pods are removed
 * (and so replaced); surplus pods go unscheduled-first, then newest-first, as kube's ReplicaSet prefers.
 */
export async function tick({ snapshot, write }: EngineDeps): Promise<void> {
  for (const workload of snapshot.workloads) {
    const owned = snapshot.pods.filter((p) => p.ownerId === workload.id);
    for (const pod of owned.filter((p) => p.phase === "failed" || p.phase === "succeeded")) {
      await deleteEnginePod(write, pod, "replace");
    }
    const live = owned.filter((p) => LIVE.has(p.phase));
    const missing = workload.spec.replicas - live.length;
    for (let i = 0; i < missing; i++) await createWorkloadPod(write, workload);
    if (missing < 0) {
      const byPreference = [...live].sort(
        (a, b) => Number(a.nodeName !== null) - Number(b.nodeName !== null) || Number(a.ready) - Number(b.ready) || b.createdAt.localeCompare(a.createdAt),
      );
      for (const pod of byPreference.slice(0, -missing)) await deleteEnginePod(write, pod, "scale-down");
    }
  }
}
