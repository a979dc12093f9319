import type { ClusterState } from "../cluster-state";
import type { Cursor } from "../cursor";
import { fitsAll, type PreparedFilter } from "../filters";
import { labelValue } from "../labels";

const weightCache = new WeakMap<ClusterState, Map<string, Float64Array>>();

/** Node weight from a label: a positive integer, else 1 (nginx's default weight). */
export function parseWeight(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return 1;
  const weight = Number(value);
  return weight > 0 ? weight : 1;
}

function nodeWeights(cluster: ClusterState, label: string): Float64Array {
  let byLabel = weightCache.get(cluster);
  if (!byLabel) {
    byLabel = new Map();
    weightCache.set(cluster, byLabel);
  }
  let weights = byLabel.get(label);
  if (!weights) {
    weights = Float64Array.from(cluster.nodes, (node) => parseWeight(labelValue(node.labels, label)));
    byLabel.set(label, weights);
  }
  return weights;
}

/**
 * nginx smooth weighted round-robin (ngx_http_upstream_get_peer) over the feasible nodes: each feasible node's
 * current += weight, the largest current wins (first in node order on ties) and pays back the total.
 * Infeasible nodes are skipped like nginx's down peers: their current stays as it was. Weights 2:1 → A, B, A.
 * Needs every node's verdict, so it is always exhaustive.
 */
export function pickWeightedRoundRobin(
  cluster: ClusterState,
  filters: readonly PreparedFilter[],
  cursor: Cursor,
  weightLabel: string,
): number {
  const weights = nodeWeights(cluster, weightLabel);
  const current = cursor.wrrCurrent;
  let best = -1;
  let total = 0;
  for (let node = 0; node < cluster.size; node++) {
    if (!fitsAll(filters, node)) continue;
    current[node]! += weights[node]!;
    total += weights[node]!;
    if (best < 0 || current[node]! > current[best]!) best = node;
  }
  if (best >= 0) current[best]! -= total;
  return best;
}
