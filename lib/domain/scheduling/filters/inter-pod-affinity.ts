import { compileSelector, selectorMatches } from "../labels";
import type { FilterPlugin } from "./filter";

export const REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

interface DomainCheck {
  readonly nodeDomain: Int32Array;
  readonly counts: Int32Array | Float64Array;
}

function allZero(counts: Int32Array | Float64Array): boolean {
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) return false;
  return true;
}

/**
 * kube InterPodAffinity filter, checked in kube's order:
 * 1. the pod's required affinity: the node must have each term's topology key and a matching pod in that
 *    domain — unless no pod anywhere matches and the pod matches its own terms (the first of a group);
 * 2. the pod's required anti-affinity: no matching pod in the node's domain (a node without the key passes);
 * 3. bound pods' required anti-affinity that selects this pod: stay out of their domains.
 * Counts come from the selector and term indexes, so each check is an array read.
 */
export const interPodAffinity: FilterPlugin = {
  name: "InterPodAffinity",
  static: false,
  prepare(pod, cluster) {
    const labels = pod.pod.labels;
    const { podAffinity, podAntiAffinity } = pod.pod.affinity;
    const domainCheck = (term: { labelSelector: Record<string, string>; topologyKey: string }): DomainCheck => {
      const selector = compileSelector(term.labelSelector);
      return {
        nodeDomain: cluster.topology.domains(term.topologyKey).nodeDomain,
        counts: cluster.podLabels.domainCounts(selector, term.topologyKey),
      };
    };
    const affinityTerms = podAffinity?.required ?? [];
    const affinity = affinityTerms.map(domainCheck);
    const anti = (podAntiAffinity?.required ?? []).map(domainCheck);
    const existing: DomainCheck[] = [];
    for (const group of cluster.existingTerms.requiredAnti.values()) {
      if (selectorMatches(group.selector, labels)) {
        existing.push({ nodeDomain: group.domains.nodeDomain, counts: group.weight });
      }
    }
    if (affinity.length === 0 && anti.length === 0 && existing.length === 0) return null;

    const noneMatchAnywhere = affinity.every((check) => allZero(check.counts));
    const firstOfGroup =
      noneMatchAnywhere && affinityTerms.every((term) => selectorMatches(compileSelector(term.labelSelector), labels));
    const satisfiesAffinity = (node: number): boolean => {
      let podsExist = true;
      for (const check of affinity) {
        const domain = check.nodeDomain[node]!;
        if (domain < 0) return false;
        if (check.counts[domain]! <= 0) podsExist = false;
      }
      return podsExist || firstOfGroup;
    };
    const clear = (checks: readonly DomainCheck[], node: number): boolean => {
      for (const check of checks) {
        const domain = check.nodeDomain[node]!;
        if (domain >= 0 && check.counts[domain]! > 0) return false;
      }
      return true;
    };
    const reason = (node: number): string | null => {
      if (!satisfiesAffinity(node)) return REASON_AFFINITY;
      if (!clear(anti, node)) return REASON_ANTI_AFFINITY;
      if (!clear(existing, node)) return REASON_EXISTING_ANTI_AFFINITY;
      return null;
    };
    return {
      name: "InterPodAffinity",
      fits: (node) => (affinity.length === 0 || satisfiesAffinity(node)) && clear(anti, node) && clear(existing, node),
      // Only asked after `fits` refused the node, so there is a reason.
      reasons: (node) => [reason(node)!],
    };
  },
};
