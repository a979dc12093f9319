import { fitsAll, type PreparedFilter } from "./filters";

/** kube-scheduler constants (pkg/scheduler/schedule_one.go). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
export const BASE_PERCENTAGE_OF_NODES_TO_SCORE = 50;

/**
 * kube `numFeasibleNodesToFind`: how many feasible nodes to find before scoring stops the search.
 * `percentageOfNodesToScore` 0 (default) is adaptive: max(5, 50 − nodes/125)% — 10% of 5,000 nodes —
 * and never fewer than 100 nodes; 100 means exhaustive. Clusters under 100 nodes are always searched fully.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = Math.max(
      MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND,
      BASE_PERCENTAGE_OF_NODES_TO_SCORE - Math.floor(numAllNodes / 125),
    );
  }
  if (percentage >= 100) return numAllNodes;
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.floor((numAllNodes * percentage) / 100));
}

export interface FeasibleSearch {
  /** Feasible node indexes found, in `out[0..count)`. */
  count: number;
  /** Nodes examined; kube moves its next start index on by this much. */
  processed: number;
}

/**
 * Filter nodes in rotation from `start` until `limit` feasible ones are found or every node was examined.
 * When nothing fits, every node has been examined, so "unschedulable" is always an exhaustive verdict.
 */
export function findFeasible(
  filters: readonly PreparedFilter[],
  size: number,
  start: number,
  limit: number,
  out: Int32Array,
): FeasibleSearch {
  let count = 0;
  let processed = 0;
  while (processed < size && count < limit) {
    const node = (start + processed) % size;
    processed++;
    if (fitsAll(filters, node)) out[count++] = node;
  }
  return { count, processed };
}
