import type { ClusterState } from "./cluster-state";
import type { PreparedFilter } from "./filters";
import type { FilterRefusal } from "./types";

/** kube ErrNoNodesAvailable. */
export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/**
 * kube FitError.Error(): "0/N nodes are available: " + "<count> <reason>" per distinct reason, sorted as
 * strings and joined with ", ", then ".". A node refused for several resources counts once per resource.
 */
export function fitErrorSummary(numAllNodes: number, reasonCounts: ReadonlyMap<string, number>): string {
  if (numAllNodes === 0) return NO_NODES_AVAILABLE;
  const parts = [...reasonCounts].map(([reason, count]) => `${count} ${reason}`).sort();
  return `0/${numAllNodes} nodes are available: ${parts.join(", ")}.`;
}

/** The "why is this pod pending" view: for every node, the first filter (in kube order) that refused it. */
export function explainUnschedulable(
  cluster: ClusterState,
  filters: readonly PreparedFilter[],
): { table: FilterRefusal[]; summary: string } {
  const table: FilterRefusal[] = [];
  const reasonCounts = new Map<string, number>();
  for (let node = 0; node < cluster.size; node++) {
    const refusing = filters.find((filter) => !filter.fits(node));
    // Only called when no node fits, so every node has a refusing filter.
    const reasons = refusing!.reasons(node);
    for (const reason of reasons) reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
    table.push({ node: cluster.nodes[node]!.name, filter: refusing!.name, reason: reasons.join(", ") });
  }
  return { table, summary: fitErrorSummary(cluster.size, reasonCounts) };
}
