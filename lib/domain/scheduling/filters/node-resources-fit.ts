import type { FilterPlugin } from "./filter";

/**
 * kube NodeResourcesFit filter: requests ≤ allocatable − already requested, for cpu and memory, plus the
 * pod count. As in kube, a zero request never fails its resource (pods count is always checked).
 */
export const nodeResourcesFit: FilterPlugin = {
  name: "NodeResourcesFit",
  static: false,
  prepare(pod, cluster) {
    const { cpu, memory } = pod;
    const { allocCpu, allocMem, allocPods, reqCpu, reqMem, podCount } = cluster;
    const podsFit = (node: number) => podCount[node]! + 1 <= allocPods[node]!;
    const cpuFits = (node: number) => cpu <= 0 || reqCpu[node]! + cpu <= allocCpu[node]!;
    const memoryFits = (node: number) => memory <= 0 || reqMem[node]! + memory <= allocMem[node]!;
    return {
      name: "NodeResourcesFit",
      // Fused for the search loop; the same three checks as below.
      fits: (node) =>
        podCount[node]! + 1 <= allocPods[node]! &&
        (cpu <= 0 || reqCpu[node]! + cpu <= allocCpu[node]!) &&
        (memory <= 0 || reqMem[node]! + memory <= allocMem[node]!),
      reasons: (node) => {
        const reasons: string[] = [];
        if (!podsFit(node)) reasons.push("Too many pods");
        if (!cpuFits(node)) reasons.push("Insufficient cpu");
        if (!memoryFits(node)) reasons.push("Insufficient memory");
        return reasons;
      },
    };
  },
};
