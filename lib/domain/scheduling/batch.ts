import { ClusterState } from "./cluster-state";
import { Cursor, initialSchedulerState } from "./cursor";
import { chooserFor, decide } from "./decide";
import type { SchedulingProfile } from "./profiles";
import type { Rng } from "../random";
import type { Cluster, FilterRefusal, Pod, SchedulerState } from "./types";

export interface Binding {
  pod: string;
  nodeName: string;
}

export interface PendingPod {
  pod: string;
  /** Empty when the batch was run with `explain: "summary"`. */
  table: FilterRefusal[];
  summary: string;
}

export interface SkippedPod {
  pod: string;
  reason: "already bound" | "duplicate in batch";
}

export interface BatchResult {
  bindings: Binding[];
  unschedulable: PendingPod[];
  skipped: SkippedPod[];
  state: SchedulerState;
}

export interface BatchOptions {
  /** Cursor state from a previous call. */
  state?: SchedulerState;
  /**
   * "table" (default) keeps the per-node refusal table for each unschedulable pod; "summary" keeps only the
   * kube summary line, for large clusters where a table per pending pod would cost nodes × pods rows.
   */
  explain?: "table" | "summary";
}

/**
 * Place pods one after another, in order, as kube-scheduler's queue would: each binding is accounted before
 * the next decision (requested cpu/memory, pod count, label and topology indexes), so a node is never
 * over-committed and later pods see earlier ones (anti-affinity, spread). Pods that already have a node, or
 * whose name is already bound in the cluster or earlier in the batch, are skipped, never bound twice.
 */
export function scheduleBatch(
  pods: readonly Pod[],
  cluster: Cluster,
  profile: SchedulingProfile,
  rng: Rng,
  options: BatchOptions = {},
): BatchResult {
  const clusterState = new ClusterState(cluster);
  const cursor = new Cursor(options.state ?? initialSchedulerState(), clusterState);
  const choose = chooserFor(profile);
  const result: BatchResult = { bindings: [], unschedulable: [], skipped: [], state: options.state ?? initialSchedulerState() };
  const seenInBatch = new Set<string>();
  for (const pod of pods) {
    if (seenInBatch.has(pod.name)) {
      result.skipped.push({ pod: pod.name, reason: "duplicate in batch" });
      continue;
    }
    seenInBatch.add(pod.name);
    if (pod.nodeName !== null || clusterState.boundNames.has(pod.name)) {
      result.skipped.push({ pod: pod.name, reason: "already bound" });
      continue;
    }
    const decision = decide(clusterState, pod, choose, rng, cursor);
    if (decision.placed) {
      clusterState.bind(pod, decision.node);
      result.bindings.push({ pod: pod.name, nodeName: clusterState.nodes[decision.node]!.name });
    } else {
      const table = options.explain === "summary" ? [] : decision.table;
      result.unschedulable.push({ pod: pod.name, table, summary: decision.summary });
    }
  }
  result.state = cursor.toState(clusterState);
  return result;
}
