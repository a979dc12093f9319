import { ClusterState } from "./cluster-state";
import { Cursor, initialSchedulerState } from "./cursor";
import { chooserFor, decide } from "./decide";
import type { SchedulingProfile } from "./profiles";
import type { Rng } from "../random";
import type { Cluster, Pod, ScheduleResult, SchedulerState } from "./types";

/**
 * Place one pending pod: every filter, then the profile's choice. Returns the node, or the per-node
 * refusal table and kube's summary. `state` carries the rotating cursors between calls (pass back the
 * returned one). A pod that already has a node (on the pod or among the cluster's bound pods) is returned
 * as it is, flagged `alreadyBound`.
 */
export function schedule(
  pod: Pod,
  cluster: Cluster,
  profile: SchedulingProfile,
  rng: Rng,
  state: SchedulerState = initialSchedulerState(),
): ScheduleResult {
  const boundElsewhere = pod.nodeName ?? cluster.pods.find((p) => p.name === pod.name && p.nodeName !== null)?.nodeName;
  if (boundElsewhere) return { unschedulable: false, nodeName: boundElsewhere, alreadyBound: true, state };
  const clusterState = new ClusterState(cluster);
  const cursor = new Cursor(state, clusterState);
  const decision = decide(clusterState, pod, chooserFor(profile), rng, cursor);
  const next = cursor.toState(clusterState);
  if (!decision.placed) {
    return { unschedulable: true, table: decision.table, summary: decision.summary, state: next };
  }
  return { unschedulable: false, nodeName: clusterState.nodes[decision.node]!.name, state: next };
}
