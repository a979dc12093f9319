import type { ClusterState } from "./cluster-state";
import type { SchedulerState } from "./types";

export function initialSchedulerState(): SchedulerState {
  return { nextStartIndex: 0, lastNode: null, wrrCurrent: {} };
}

/** SchedulerState as working arrays for one run of decisions; converted back to plain JSON at the end. */
export class Cursor {
  nextStartIndex: number;
  lastNode: string | null;
  /** Smooth-WRR current weight per node index. */
  readonly wrrCurrent: Float64Array;

  constructor(state: SchedulerState, cluster: ClusterState) {
    const start = Math.trunc(state.nextStartIndex);
    this.nextStartIndex = cluster.size > 0 && start > 0 ? start % cluster.size : 0;
    this.lastNode = state.lastNode;
    this.wrrCurrent = new Float64Array(cluster.size);
    for (const [name, current] of Object.entries(state.wrrCurrent)) {
      const node = cluster.nodeIndex.get(name);
      if (node !== undefined) this.wrrCurrent[node] = current;
    }
  }

  toState(cluster: ClusterState): SchedulerState {
    const wrrCurrent: Record<string, number> = {};
    this.wrrCurrent.forEach((current, node) => {
      if (current !== 0) wrrCurrent[cluster.nodes[node]!.name] = current;
    });
    return { nextStartIndex: this.nextStartIndex, lastNode: this.lastNode, wrrCurrent };
  }
}
