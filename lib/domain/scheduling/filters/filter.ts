import type { ClusterState } from "../cluster-state";
import type { PodInfo } from "../pod-info";
import type { FilterName } from "../types";

/** A filter ready for one pod: kube's PreFilter has run; `fits` is the hot-path Filter. */
export interface PreparedFilter {
  readonly name: FilterName;
  /** No allocation: called for every examined node. */
  fits(node: number): boolean;
  /** Why `fits` refused the node (kube reason strings); only asked after a refusal. */
  reasons(node: number): string[];
}

export interface FilterPlugin {
  readonly name: FilterName;
  /** True when the verdict depends only on fixed node facts and the pod's tolerations/node affinity. */
  readonly static: boolean;
  /** null when there is nothing to check for this pod (kube PreFilter "Skip"). */
  prepare(pod: PodInfo, cluster: ClusterState): PreparedFilter | null;
}

/** True when every prepared filter accepts the node. */
export function fitsAll(filters: readonly PreparedFilter[], node: number): boolean {
  for (let i = 0; i < filters.length; i++) {
    if (!filters[i]!.fits(node)) return false;
  }
  return true;
}
