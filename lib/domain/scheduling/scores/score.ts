import type { ClusterState } from "../cluster-state";
import type { PodInfo } from "../pod-info";

/** kube framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

export type ScoreName =
  | "NodeResourcesLeastAllocated"
  | "NodeResourcesMostAllocated"
  | "NodeResourcesBalancedAllocation"
  | "TaintToleration"
  | "NodeAffinity"
  | "PodTopologySpread"
  | "InterPodAffinity"
  | "LeastLoaded"
  | "LeastConnections";

export interface ScorePlugin {
  readonly name: ScoreName;
  /**
   * Writes a 0–100 score (normalized as kube does) for `feasible[i]` into `out[i]`, for i < count.
   * Returns false when the plugin has nothing to say about this pod (kube PreScore "Skip": every score 0),
   * so the caller can leave it out.
   */
  score(pod: PodInfo, cluster: ClusterState, feasible: Int32Array, count: number, out: Float64Array): boolean;
}
