import type { Cluster, Pod as SchedPod } from "@/lib/domain/scheduling";
import type { EnginePod, EngineSnapshot } from "./snapshot";

/** A stored pod as the scheduler in lib/domain reads it. */
export const toSchedPod = (p: EnginePod): SchedPod => ({
  name: p.name,
  labels: p.labels,
  requests: p.requests,
  nodeName: p.nodeName,
  nodeSelector: p.nodeSelector,
  tolerations: p.tolerations as SchedPod["tolerations"],
  affinity: p.affinity as SchedPod["affinity"],
});

const OCCUPYING = new Set(["pending", "running", "unknown"]);

/** The cluster the scheduler sees: every node, and the bound pods that still hold their node's capacity. */
export function schedulingCluster(snapshot: Pick<EngineSnapshot, "nodes" | "pods">): Cluster {
  return {
    nodes: snapshot.nodes.map((n) => ({ name: n.name, allocatable: n.allocatable, labels: n.labels, taints: n.taints, unschedulable: n.unschedulable, ready: n.ready })),
    pods: snapshot.pods.filter((p) => p.nodeName !== null && OCCUPYING.has(p.phase)).map(toSchedPod),
  };
}
