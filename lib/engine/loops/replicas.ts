import { createWorkloadPod, deleteEnginePod } from "@/lib/server/dal/engine/pods";
import type { EngineDeps } from "../deps";

const LIVE = new Set(["pending", "running", "unknown"]);

/**
 * ReplicaSet controller: each container workload has exactly `spec.replicas` live pods. Failed pods are removed
 * (and so replaced); surplus pods go unscheduled-first, then newest-first, as kube's ReplicaSet prefers.
 */
export async function tick({ snapshot, write, events }: EngineDeps): Promise<void> {
  for (const workload of snapshot.workloads) {
    const owned = snapshot.pods.filter((p) => p.ownerId === workload.id);
    const about = (pod: { name: string; nodeName: string | null }) => ({ pod: pod.name, node: pod.nodeName, workload: workload.name });
    for (const pod of owned.filter((p) => p.phase === "failed" || p.phase === "succeeded")) {
      await deleteEnginePod(write, pod, "replace");
      events({ level: pod.phase === "failed" ? "warn" : "info", message: `workload ${workload.name}: replacing ${pod.phase} pod ${pod.name}${pod.message ? ` (${pod.message})` : ""}`, ...about(pod) });
    }
    const live = owned.filter((p) => LIVE.has(p.phase));
    const missing = workload.spec.replicas - live.length;
    for (let i = 0; i < missing; i++) {
      const name = await createWorkloadPod(write, workload);
      events({ level: "info", message: `workload ${workload.name}: created pod ${name} (${live.length + i + 1} of ${workload.spec.replicas} replicas)`, pod: name, workload: workload.name });
    }
    if (missing < 0) {
      const byPreference = [...live].sort(
        (a, b) => Number(a.nodeName !== null) - Number(b.nodeName !== null) || Number(a.ready) - Number(b.ready) || b.createdAt.localeCompare(a.createdAt),
      );
      for (const pod of byPreference.slice(0, -missing)) {
        await deleteEnginePod(write, pod, "scale-down");
        events({ level: "info", message: `workload ${workload.name}: scaled down to ${workload.spec.replicas} replicas, deleted pod ${pod.name}`, ...about(pod) });
      }
    }
  }
}
