import { deleteEnginePod, recordPodStatus } from "@/lib/server/dal/engine/pods";
import { setNodeReady } from "@/lib/server/dal/engine/nodes";
import type { EngineDeps } from "../deps";
import { workloadOf } from "../events";

/**
 * kube's node lifecycle controller: a node whose heartbeat is older than the grace period becomes NotReady; once it
 * has been NotReady past the eviction timeout its pods are evicted (owned ones are then re-created and re-placed
 * by the replicas and scheduler loops). A node heartbeating again becomes Ready.
 */
export async function tick({ snapshot, write, now, config, events }: EngineDeps): Promise<void> {
  for (const node of snapshot.nodes) {
    const heartbeat = node.heartbeatAt ? Date.parse(node.heartbeatAt) : null;
    if (heartbeat === null) continue; // never had an agent: its Ready condition is whatever was set by hand
    const fresh = now - heartbeat <= config.nodeGraceMs;
    const readyCondition = node.conditions.find((c) => c.type === "Ready");
    if (fresh && !node.ready) {
      await setNodeReady(write, node, true, "KubeletReady", "node agent is posting heartbeats", new Date(now));
      events({ level: "info", message: `node ${node.name} is Ready: its agent is posting heartbeats`, node: node.name });
    } else if (!fresh && node.ready) {
      const message = `no heartbeat for ${Math.round((now - heartbeat) / 1000)} s`;
      await setNodeReady(write, node, false, "NodeStatusUnknown", message, new Date(now));
      events({ level: "error", message: `node ${node.name} is NotReady: ${message}`, node: node.name });
    } else if (!fresh && !node.ready) {
      const since = readyCondition?.lastTransitionTime ? Date.parse(readyCondition.lastTransitionTime) : now;
      if (now - since < config.evictionTimeoutMs) continue;
      for (const pod of snapshot.pods.filter((p) => p.nodeName === node.name)) {
        if (pod.ownerId) {
          await deleteEnginePod(write, pod, "evict");
          events({ level: "warn", message: `pod ${pod.name} evicted from NotReady node ${node.name}`, pod: pod.name, node: node.name, workload: workloadOf(pod, snapshot.workloads) });
        } else if (pod.phase !== "unknown") {
          await recordPodStatus(write, pod, { phase: "unknown", ready: false, message: `node ${node.name} is not ready`, hostPort: null, pid: null, startedAt: null, usage: null });
        }
      }
    }
  }
}
