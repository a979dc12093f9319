import type { PendingPod } from "./batch";
import { ClusterState } from "./cluster-state";
import { Cursor, initialSchedulerState } from "./cursor";
import { chooserFor, decide } from "./decide";
import type { SchedulingProfile } from "./profiles";
import type { Rng } from "../random";
import type { Cluster, SchedulerState } from "./types";

export interface DrainMove {
  pod: string;
  from: string;
  to: string;
}

export interface DrainPlan {
  node: string;
  /** Pods that would be evicted and where each would land, in eviction order. */
  moves: DrainMove[];
  /** Pods no other node can take, with the refusal table and kube summary. */
  unplaced: PendingPod[];
  state: SchedulerState;
}

/**
 * Plan `kubectl drain`: the node is cordoned (and, unlike a plain cordon, refuses even pods that tolerate
 * cordons, since the point is to empty it); its pods are taken off its accounting and re-placed one by one
 * in the cluster's pod order, each move accounted before the next, with every filter applied. Nothing is
 * evicted: this is the plan the console shows before acting. Throws for an unknown node.
 */
export function planDrain(
  nodeName: string,
  cluster: Cluster,
  profile: SchedulingProfile,
  rng: Rng,
  state: SchedulerState = initialSchedulerState(),
): DrainPlan {
  if (!cluster.nodes.some((node) => node.name === nodeName)) throw new Error(`unknown node "${nodeName}"`);
  const evicted = cluster.pods.filter((pod) => pod.nodeName === nodeName);
  const cordoned = {
    nodes: cluster.nodes.map((node) => (node.name === nodeName ? { ...node, unschedulable: true } : node)),
    pods: cluster.pods.filter((pod) => pod.nodeName !== nodeName),
  };
  const clusterState = new ClusterState(cordoned, { drainedNode: nodeName });
  const cursor = new Cursor(state, clusterState);
  const choose = chooserFor(profile);
  const plan: DrainPlan = { node: nodeName, moves: [], unplaced: [], state };
  for (const pod of evicted) {
    const pending = { ...pod, nodeName: null };
    const decision = decide(clusterState, pending, choose, rng, cursor);
    if (decision.placed) {
      clusterState.bind(pending, decision.node);
      plan.moves.push({ pod: pod.name, from: nodeName, to: clusterState.nodes[decision.node]!.name });
    } else {
      plan.unplaced.push({ pod: pod.name, table: decision.table, summary: decision.summary });
    }
  }
  plan.state = cursor.toState(clusterState);
  return plan;
}
