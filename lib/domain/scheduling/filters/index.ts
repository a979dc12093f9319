import type { ClusterState } from "../cluster-state";
import type { PodInfo } from "../pod-info";
import type { FilterPlugin, PreparedFilter } from "./filter";
import { interPodAffinity } from "./inter-pod-affinity";
import { nodeAffinity } from "./node-affinity";
import { nodeReady } from "./node-ready";
import { nodeResourcesFit } from "./node-resources-fit";
import { nodeUnschedulable } from "./node-unschedulable";
import { podTopologySpread } from "./pod-topology-spread";
import { memoizeStatic, staticSignature } from "./static-verdicts";
import { taintToleration } from "./taint-toleration";

/** kube-scheduler's default filter order (default_plugins.go), with NodeReady after NodeUnschedulable. */
export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeReady,
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
];

export interface PodFilters {
  /** Every filter with something to check for this pod, in kube order: for explaining refusals. */
  readonly all: readonly PreparedFilter[];
  /** The same verdicts, with the static filters fused and memoized: for the search loop. */
  readonly fast: readonly PreparedFilter[];
}

/** Prepare the filters for one pod. Every profile applies all of them. */
export function prepareFilters(pod: PodInfo, cluster: ClusterState): PodFilters {
  const all: PreparedFilter[] = [];
  const staticFilters: PreparedFilter[] = [];
  const dynamicFilters: PreparedFilter[] = [];
  for (const plugin of FILTERS) {
    const filter = plugin.prepare(pod, cluster);
    if (!filter) continue;
    all.push(filter);
    (plugin.static ? staticFilters : dynamicFilters).push(filter);
  }
  // NodeUnschedulable always prepares, so there is at least one static filter.
  const fast = [...memoizeStatic(staticFilters, cluster, staticSignature(pod.pod)), ...dynamicFilters];
  return { all, fast };
}

export { fitsAll, type FilterPlugin, type PreparedFilter } from "./filter";
