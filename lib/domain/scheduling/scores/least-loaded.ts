import { MAX_NODE_SCORE, type ScorePlugin } from "./score";

/** Share of a resource already requested; a node without the resource counts as full. */
function share(requested: number, allocatable: number): number {
  return allocatable > 0 ? Math.min(1, requested / allocatable) : 1;
}

/**
 * The seed's LeastLoaded: the node whose requested fraction is lowest scores highest. The fraction is the
 * dominant one, max(cpu, memory), measured before placing the pod, so a node busy in either resource is busy.
 * Linear, not normalized: 100 = idle, 0 = full.
 */
export const leastLoadedScore: ScorePlugin = {
  name: "LeastLoaded",
  score(_pod, cluster, feasible, count, out) {
    const { reqCpu, reqMem, allocCpu, allocMem } = cluster;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      const load = Math.max(share(reqCpu[node]!, allocCpu[node]!), share(reqMem[node]!, allocMem[node]!));
      out[i] = (1 - load) * MAX_NODE_SCORE;
    }
    return true;
  },
};
