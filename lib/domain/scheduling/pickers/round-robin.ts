import type { ClusterState } from "../cluster-state";
import type { Cursor } from "../cursor";
import { fitsAll, type PreparedFilter } from "../filters";

/**
 * The seed's RoundRobin, with the state it lacked: the next feasible node after the one chosen last
 * (by name, in node order, wrapping). Examines only as many nodes as it must.
 */
export function pickRoundRobin(cluster: ClusterState, filters: readonly PreparedFilter[], cursor: Cursor): number {
  const last = cursor.lastNode === null ? undefined : cluster.nodeIndex.get(cursor.lastNode);
  const start = last === undefined ? 0 : last + 1;
  for (let i = 0; i < cluster.size; i++) {
    const node = (start + i) % cluster.size;
    if (fitsAll(filters, node)) {
      cursor.lastNode = cluster.nodes[node]!.name;
      return node;
    }
  }
  return -1;
}
