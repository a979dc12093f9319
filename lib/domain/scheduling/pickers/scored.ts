import type { ClusterState } from "../cluster-state";
import type { Cursor } from "../cursor";
import type { PreparedFilter } from "../filters";
import type { PodInfo } from "../pod-info";
import type { ScorePlan } from "../profiles";
import { randomIndex, type Rng } from "../../random";
import { findFeasible, numFeasibleNodesToFind } from "../sampling";

/**
 * kube-scheduler's scheduling cycle for scoring profiles: filter from the rotating start index until enough
 * feasible nodes are found (percentageOfNodesToScore), score them with the weighted plugins, and pick a
 * top-scoring node uniformly at random (kube `selectHost` reservoir sampling). Returns a node index or -1.
 */
export function pickScored(
  pod: PodInfo,
  cluster: ClusterState,
  filters: readonly PreparedFilter[],
  plan: ScorePlan,
  rng: Rng,
  cursor: Cursor,
): number {
  const { feasible, totals, scores } = cluster;
  const limit = numFeasibleNodesToFind(cluster.size, plan.percentageOfNodesToScore);
  const { count, processed } = findFeasible(filters, cluster.size, cursor.nextStartIndex, limit, feasible);
  cursor.nextStartIndex = cluster.size === 0 ? 0 : (cursor.nextStartIndex + processed) % cluster.size;
  if (count === 0) return -1;
  // kube skips scoring when a single node is feasible.
  if (count === 1) return feasible[0]!;
  totals.fill(0, 0, count);
  for (const { plugin, weight } of plan.scores) {
    if (!plugin.score(pod, cluster, feasible, count, scores)) continue;
    for (let i = 0; i < count; i++) totals[i]! += weight * scores[i]!;
  }
  let best = 0;
  let ties = 1;
  for (let i = 1; i < count; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (randomIndex(rng, ties) === 0) best = i;
    }
  }
  return feasible[best]!;
}
