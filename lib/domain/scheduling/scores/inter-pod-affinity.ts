import { compileSelector, selectorMatches } from "../labels";
import { minMaxNormalize } from "./normalize";
import type { ScorePlugin } from "./score";

interface WeightedDomains {
  readonly nodeDomain: Int32Array;
  readonly perDomain: Int32Array | Float64Array;
  readonly weight: number;
}

/**
 * kube InterPodAffinity score. Per node, summed over the node's topology domains:
 * + weight × matching pods for the pod's preferred affinity terms, − for its preferred anti-affinity;
 * plus bound pods' terms that select this pod (their preferred affinity +weight, anti-affinity −weight,
 * required affinity +hardPodAffinityWeight). Then min–max normalized to 0–100.
 */
export const interPodAffinityScore: ScorePlugin = {
  name: "InterPodAffinity",
  score(pod, cluster, feasible, count, out) {
    const { podAffinity, podAntiAffinity } = pod.pod.affinity;
    const sources: WeightedDomains[] = [];
    const incoming = (terms: typeof podAffinity, sign: number) => {
      for (const { weight, term } of terms?.preferred ?? []) {
        sources.push({
          nodeDomain: cluster.topology.domains(term.topologyKey).nodeDomain,
          perDomain: cluster.podLabels.domainCounts(compileSelector(term.labelSelector), term.topologyKey),
          weight: sign * weight,
        });
      }
    };
    incoming(podAffinity, 1);
    incoming(podAntiAffinity, -1);
    for (const group of cluster.existingTerms.scoring.values()) {
      if (selectorMatches(group.selector, pod.pod.labels)) {
        sources.push({ nodeDomain: group.domains.nodeDomain, perDomain: group.weight, weight: 1 });
      }
    }
    if (sources.length === 0) return false;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      let sum = 0;
      for (const source of sources) {
        const domain = source.nodeDomain[node]!;
        if (domain >= 0) sum += source.weight * source.perDomain[domain]!;
      }
      out[i] = sum;
    }
    minMaxNormalize(out, count);
    return true;
  },
};
