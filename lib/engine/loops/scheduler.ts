import { schedule, type Pod as SchedPod } from "@/lib/domain/scheduling";
import { bindPod } from "@/lib/server/dal/engine/pods";
import { schedulingCluster, toSchedPod } from "@/lib/server/dal/engine/scheduling-view";
import type { EngineDeps } from "../deps";
import { workloadOf } from "../events";

/** Bind pending pods, oldest first, with the scheduler in lib/domain; each binding updates the cluster it sees next. */
export async function tick({ snapshot, write, rng, config, scheduler, events }: EngineDeps): Promise<void> {
  const pending = snapshot.pods.filter((p) => p.nodeName === null && p.phase === "pending");
  if (pending.length === 0) return;
  const cluster = schedulingCluster(snapshot);
  for (const pod of pending) {
    const result = schedule(toSchedPod(pod), cluster, config.schedulingProfile, rng, scheduler.state);
    scheduler.state = result.state;
    if (result.unschedulable) continue; // the pod page explains why, from the same filters
    if (await bindPod(write, pod, result.nodeName)) {
      events({ level: "info", message: `pod ${pod.name} scheduled on node ${result.nodeName}`, pod: pod.name, node: result.nodeName, workload: workloadOf(pod, snapshot.workloads) });
      (cluster.pods as SchedPod[]).push({ ...toSchedPod(pod), nodeName: result.nodeName });
    }
  }
}
