import type { ClusterState } from "../cluster-state";
import type { PodInfo } from "../pod-info";
import { MAX_NODE_SCORE, type ScorePlugin } from "./score";

/** kube `leastRequestedScore`: free share after placing the pod; 0 on zero capacity or over-request. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity <= 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** kube `mostRequestedScore`: used share after placing the pod, capped at 100; 0 on zero capacity. */
export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.floor((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

function resourceScore(scorer: (requested: number, capacity: number) => number) {
  return (pod: PodInfo, cluster: ClusterState, feasible: Int32Array, count: number, out: Float64Array): boolean => {
    const { reqCpu, reqMem, allocCpu, allocMem } = cluster;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      // cpu and memory weigh 1 each (kube's default resources for the Fit scoring strategy).
      const sum = scorer(reqCpu[node]! + pod.cpu, allocCpu[node]!) + scorer(reqMem[node]! + pod.memory, allocMem[node]!);
      out[i] = Math.floor(sum / 2);
    }
    return true;
  };
}

/** kube NodeResourcesFit scoring, strategy LeastAllocated (the default): spread load. */
export const leastAllocated: ScorePlugin = {
  name: "NodeResourcesLeastAllocated",
  score: resourceScore(leastRequestedScore),
};

/** kube NodeResourcesFit scoring, strategy MostAllocated: bin-pack. */
export const mostAllocated: ScorePlugin = {
  name: "NodeResourcesMostAllocated",
  score: resourceScore(mostRequestedScore),
};
