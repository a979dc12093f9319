import type { NodeAllocation } from "@/lib/server/dal/overview";

export interface AllocationPoint {
  node: string;
  /** Percent of allocatable CPU requested by pods on the node. */
  cpu: number;
  memory: number;
}

/** Map node allocation to percent-of-allocatable points for the chart (0 when a node offers nothing). */
export function toAllocationPoints(nodes: NodeAllocation[]): AllocationPoint[] {
  const pct = (used: number, total: number) => (total > 0 ? Math.round((used / total) * 1000) / 10 : 0);
  return nodes.map((n) => ({
    node: n.name,
    cpu: pct(n.requestedCpuMillis, n.allocatableCpuMillis),
    memory: pct(n.requestedMemoryMiB, n.allocatableMemoryMiB),
  }));
}
