import { MAX_NODE_SCORE, type ScorePlugin } from "./score";

/** Requested share of one resource, capped at 1; null for a resource the node has none of (kube skips it). */
function fraction(requested: number, allocatable: number): number | null {
  return allocatable > 0 ? Math.min(1, requested / allocatable) : null;
}

/** kube NodeResourcesBalancedAllocation: (1 − std(requested_i / allocatable_i)) · 100 over cpu and memory. */
export function balancedScore(cpu: number | null, memory: number | null): number {
  // The standard deviation of two values is half their distance; with fewer than two it is 0.
  const std = cpu !== null && memory !== null ? Math.abs(cpu - memory) / 2 : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  score(pod, cluster, feasible, count, out) {
    const { reqCpu, reqMem, allocCpu, allocMem } = cluster;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      out[i] = balancedScore(
        fraction(reqCpu[node]! + pod.cpu, allocCpu[node]!),
        fraction(reqMem[node]! + pod.memory, allocMem[node]!),
      );
    }
    return true;
  },
};
