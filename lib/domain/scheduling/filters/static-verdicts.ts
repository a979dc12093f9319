import type { ClusterState } from "../cluster-state";
import type { Pod } from "../types";
import { fitsAll, type PreparedFilter } from "./filter";

/** Distinct pod signatures remembered per cluster state (each costs one byte per node). */
export const MAX_STATIC_SIGNATURES = 256;

/** What the static filters read from a pod: tolerations, nodeSelector and required node affinity. */
export function staticSignature(pod: Pod): string {
  return JSON.stringify([pod.tolerations, pod.nodeSelector, pod.affinity.nodeAffinity?.required ?? null]);
}

/**
 * Filters whose verdict depends only on node facts that never change within a cluster state (cordon, Ready,
 * taints, labels) and on the pod's tolerations and node affinity, fused into one check remembered per node
 * for each pod signature. Replicas of a workload share a signature, so after the first few pods a node's
 * static verdict is one array read. Past MAX_STATIC_SIGNATURES the filters simply run.
 */
export function memoizeStatic(filters: PreparedFilter[], cluster: ClusterState, signature: string): PreparedFilter[] {
  let verdicts = cluster.staticVerdicts.get(signature);
  if (!verdicts) {
    if (cluster.staticVerdicts.size >= MAX_STATIC_SIGNATURES) return filters;
    verdicts = new Uint8Array(cluster.size);
    cluster.staticVerdicts.set(signature, verdicts);
  }
  const memo = verdicts;
  const inner = filters;
  return [
    {
      name: inner[0]!.name,
      fits(node) {
        const known = memo[node]!;
        if (known !== 0) return known === 1;
        const fits = fitsAll(inner, node);
        memo[node] = fits ? 1 : 2;
        return fits;
      },
      reasons: (node) => inner.find((filter) => !filter.fits(node))!.reasons(node),
    },
  ];
}
