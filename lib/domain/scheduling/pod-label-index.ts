import { selectorMatches, type LabelSelector } from "./labels";
import type { TopologyIndex } from "./topology-index";

/** A bound pod as the indexes need it. */
export interface BoundPod {
  readonly labels: Readonly<Record<string, string>>;
  readonly node: number;
}

/** How many bound pods match one selector, per node and per topology domain. */
export interface SelectorCounts {
  readonly selector: LabelSelector;
  readonly perNode: Int32Array;
  /** Per topology key: count per domain id. */
  readonly perDomain: Map<string, Int32Array>;
}

/**
 * Counts of bound pods by selector, so anti-affinity and spread checks read arrays instead of scanning pods.
 * A selector is counted with one pass over the bound pods the first time it is asked for; after that every
 * bind updates it in place (the number of distinct selectors in a cluster is small).
 */
export class PodLabelIndex {
  private readonly bySelector = new Map<string, SelectorCounts>();

  constructor(
    private readonly topology: TopologyIndex,
    private readonly nodeCount: number,
    private readonly bound: readonly BoundPod[],
  ) {}

  counts(selector: LabelSelector): SelectorCounts {
    const known = this.bySelector.get(selector.key);
    if (known) return known;
    const perNode = new Int32Array(this.nodeCount);
    for (const pod of this.bound) {
      if (selectorMatches(selector, pod.labels)) perNode[pod.node]! += 1;
    }
    const built = { selector, perNode, perDomain: new Map<string, Int32Array>() };
    this.bySelector.set(selector.key, built);
    return built;
  }

  /** Matching bound pods per domain of `topologyKey` (over every node that has the key). */
  domainCounts(selector: LabelSelector, topologyKey: string): Int32Array {
    const counts = this.counts(selector);
    const known = counts.perDomain.get(topologyKey);
    if (known) return known;
    const { nodeDomain, names } = this.topology.domains(topologyKey);
    const perDomain = new Int32Array(names.length);
    for (let node = 0; node < this.nodeCount; node++) {
      const domain = nodeDomain[node]!;
      if (domain >= 0) perDomain[domain]! += counts.perNode[node]!;
    }
    counts.perDomain.set(topologyKey, perDomain);
    return perDomain;
  }

  /** Keep every counted selector current after a bind. */
  add(pod: BoundPod): void {
    for (const counts of this.bySelector.values()) {
      if (!selectorMatches(counts.selector, pod.labels)) continue;
      counts.perNode[pod.node]! += 1;
      for (const [key, perDomain] of counts.perDomain) {
        const domain = this.topology.domains(key).nodeDomain[pod.node]!;
        if (domain >= 0) perDomain[domain]! += 1;
      }
    }
  }
}
