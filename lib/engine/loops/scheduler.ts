import { schedule, type Cluster, type Pod as SchedPod } from "@/lib/domain/scheduling";
import { bindPod } from "@/lib/server/dal/engine/pods";
import type { EnginePod } from "@/lib/server/dal/engine/snapshot";
import type { EngineDeps } from "../deps";

const toSchedPod = (p: EnginePod): SchedPod => ({
  name: p.name,
  labels: p.labels,
  requests: p.requests,
  nodeName: p.nodeName,
  nodeSelector: p.nodeSelector,
  tolerations: p.tolerations as SchedPod["tolerations"],
  affinity: p.affinity as SchedPod["affinity"],
});

/** Bind pending pods, oldest first, with the scheduler in lib/domain; each binding updates the cluster it sees next. */
export async function tick({ snapshot, write, rng, config, scheduler }: EngineDeps): Promise<void> {
  const pending = snapshot.pods.filter((p) => p.nodeName === null && p.phase === "pending");
  if (pending.length === 0) return;
  const bound = snapshot.pods.filter((p) => p.nodeName !== null && p.phase !== "failed" && p.phase !== "succeeded").map(toSchedPod);
  const cluster: Cluster = {
    nodes: snapshot.nodes.map((n) => ({ name: n.name, allocatable: n.allocatable, labels: n.labels, taints: n.taints, unschedulable: n.unschedulable, ready: n.ready })),
    pods: bound,
  };
  for (const pod of pending) {
    const result = schedule(toSchedPod(pod), cluster, config.schedulingProfile, rng, scheduler.state);
    scheduler.state = result.state;
    if (result.unschedulable) continue; // the pod page explains why, from the same filters
    if (await bindPod(write, pod, result.nodeName)) {
      (cluster.pods as SchedPod[]).push({ ...toSchedPod(pod), nodeName: result.nodeName });
    }
  }
}
