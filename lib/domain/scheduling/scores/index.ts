import { balancedAllocation } from "./balanced-allocation";
import { interPodAffinityScore } from "./inter-pod-affinity";
import { leastConnectionsScore } from "./least-connections";
import { leastLoadedScore } from "./least-loaded";
import { nodeAffinityScore } from "./node-affinity";
import { leastAllocated, mostAllocated } from "./node-resources-fit";
import { podTopologySpreadScore } from "./pod-topology-spread";
import type { ScoreName, ScorePlugin } from "./score";
import { taintTolerationScore } from "./taint-toleration";

/** Every score by name: the vocabulary of the `custom` profile. */
export const SCORES: Readonly<Record<ScoreName, ScorePlugin>> = {
  NodeResourcesLeastAllocated: leastAllocated,
  NodeResourcesMostAllocated: mostAllocated,
  NodeResourcesBalancedAllocation: balancedAllocation,
  TaintToleration: taintTolerationScore,
  NodeAffinity: nodeAffinityScore,
  PodTopologySpread: podTopologySpreadScore,
  InterPodAffinity: interPodAffinityScore,
  LeastLoaded: leastLoadedScore,
  LeastConnections: leastConnectionsScore,
};

export const SCORE_NAMES = Object.keys(SCORES) as ScoreName[];

export { MAX_NODE_SCORE, type ScoreName, type ScorePlugin } from "./score";
