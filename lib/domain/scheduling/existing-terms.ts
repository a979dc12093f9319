import { compileSelector, type LabelSelector } from "./labels";
import type { TopologyDomains, TopologyIndex } from "./topology-index";
import type { Pod, PodAffinityTerm } from "./types";

/** Terms of bound pods sharing a selector and topology key, summed per domain of that key. */
export interface TermGroup {
  readonly selector: LabelSelector;
  readonly domains: TopologyDomains;
  /** Per domain id: required anti-affinity: pod count; scoring: summed signed weights. */
  readonly weight: Float64Array;
}

/** kube InterPodAffinity `hardPodAffinityWeight` default: an existing pod's required affinity scores 1 per pod. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/**
 * The affinity terms of pods already bound, grouped so a pending pod checks a few groups rather than
 * every pod: kube's "existing pods' anti-affinity" filter and the existing-pod half of InterPodAffinity scoring.
 */
export class ExistingTermIndex {
  /** Required anti-affinity of bound pods: a pending pod they select must stay out of their domains. */
  readonly requiredAnti = new Map<string, TermGroup>();
  /** Preferred (anti-)affinity and required affinity of bound pods, for scoring. */
  readonly scoring = new Map<string, TermGroup>();

  constructor(private readonly topology: TopologyIndex) {}

  add(pod: Pod, node: number): void {
    const { podAffinity, podAntiAffinity } = pod.affinity;
    for (const term of podAntiAffinity?.required ?? []) this.addTerm(this.requiredAnti, term, node, 1);
    for (const term of podAffinity?.required ?? []) this.addTerm(this.scoring, term, node, HARD_POD_AFFINITY_WEIGHT);
    for (const { weight, term } of podAffinity?.preferred ?? []) this.addTerm(this.scoring, term, node, weight);
    for (const { weight, term } of podAntiAffinity?.preferred ?? []) this.addTerm(this.scoring, term, node, -weight);
  }

  private addTerm(groups: Map<string, TermGroup>, term: PodAffinityTerm, node: number, weight: number): void {
    const selector = compileSelector(term.labelSelector);
    const id = `${selector.key}\u0000${term.topologyKey}`;
    let group = groups.get(id);
    if (!group) {
      const domains = this.topology.domains(term.topologyKey);
      group = { selector, domains, weight: new Float64Array(domains.names.length) };
      groups.set(id, group);
    }
    const domain = group.domains.nodeDomain[node]!;
    if (domain >= 0) group.weight[domain]! += weight;
  }
}
