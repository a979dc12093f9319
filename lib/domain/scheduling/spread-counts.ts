import type { ClusterState } from "./cluster-state";
import { compileSelector, selectorMatches } from "./labels";
import type { PodInfo } from "./pod-info";
import type { TopologyDomains } from "./topology-index";
import type { TopologySpreadConstraint } from "./types";

/** Matching-pod counts per domain of one spread constraint, over the nodes kube counts. */
export interface SpreadCounts {
  readonly constraint: TopologySpreadConstraint;
  readonly domains: TopologyDomains;
  /** Matching pods per domain id. */
  readonly counts: Int32Array;
  /** 1 for domains with at least one eligible node. */
  readonly eligible: Uint8Array;
  /** kube selfMatchNum: 1 when the pending pod matches its own selector. */
  readonly selfMatch: number;
}

/**
 * kube PodTopologySpread PreFilter/PreScore counting: a node is eligible when it passes the pod's required
 * node affinity (nodeAffinityPolicy Honor, the default) and has every constraint's topology key; taints are
 * ignored (nodeTaintsPolicy Ignore, the default). Counts come from the selector index, so this is O(nodes),
 * never O(pods); with one constraint and no node affinity the index's own domain counts are used as they are.
 */
export function spreadCounts(
  pod: PodInfo,
  cluster: ClusterState,
  constraints: readonly TopologySpreadConstraint[],
): SpreadCounts[] {
  const compiled = constraints.map((constraint) => {
    const selector = compileSelector(constraint.labelSelector);
    return {
      constraint,
      selector,
      domains: cluster.topology.domains(constraint.topologyKey),
      selfMatch: selectorMatches(selector, pod.pod.labels) ? 1 : 0,
    };
  });
  const only = compiled.length === 1 ? compiled[0] : undefined;
  if (only && !pod.requiredNodeAffinity) {
    const counts = cluster.podLabels.domainCounts(only.selector, only.constraint.topologyKey);
    const eligible = new Uint8Array(only.domains.names.length).fill(1);
    return [{ constraint: only.constraint, domains: only.domains, counts, eligible, selfMatch: only.selfMatch }];
  }
  const results = compiled.map(({ constraint, selector, domains, selfMatch }) => ({
    constraint,
    domains,
    counts: new Int32Array(domains.names.length),
    eligible: new Uint8Array(domains.names.length),
    selfMatch,
    perNode: cluster.podLabels.counts(selector).perNode,
  }));
  const matches = pod.requiredNodeAffinity;
  nodes: for (let node = 0; node < cluster.size; node++) {
    for (const r of results) if (r.domains.nodeDomain[node]! < 0) continue nodes;
    if (matches && !matches(cluster.nodes[node]!.labels)) continue;
    for (const r of results) {
      const domain = r.domains.nodeDomain[node]!;
      r.counts[domain]! += r.perNode[node]!;
      r.eligible[domain] = 1;
    }
  }
  return results.map(({ constraint, domains, counts, eligible, selfMatch }) => ({
    constraint,
    domains,
    counts,
    eligible,
    selfMatch,
  }));
}

/** The global minimum kube compares against: the smallest count among eligible domains (0 if none). */
export function globalMinimum(spread: SpreadCounts): number {
  let min = Number.POSITIVE_INFINITY;
  for (let d = 0; d < spread.counts.length; d++) {
    if (spread.eligible[d] === 1 && spread.counts[d]! < min) min = spread.counts[d]!;
  }
  return min === Number.POSITIVE_INFINITY ? 0 : min;
}
