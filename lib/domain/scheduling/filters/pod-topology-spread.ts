import { globalMinimum, spreadCounts } from "../spread-counts";
import type { FilterPlugin } from "./filter";

export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
export const REASON_SPREAD_MISSING_LABEL = `${REASON_SPREAD} (missing required label)`;

/**
 * kube PodTopologySpread filter, DoNotSchedule constraints only (ScheduleAnyway only scores):
 * the node must carry each topology key, and matching(domain) + selfMatch − global min ≤ maxSkew.
 */
export const podTopologySpread: FilterPlugin = {
  name: "PodTopologySpread",
  static: false,
  prepare(pod, cluster) {
    const hard = (pod.pod.affinity.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === "DoNotSchedule");
    if (hard.length === 0) return null;
    const spreads = spreadCounts(pod, cluster, hard).map((spread) => ({ ...spread, min: globalMinimum(spread) }));
    const verdict = (node: number): "ok" | "label" | "skew" => {
      for (const s of spreads) {
        const domain = s.domains.nodeDomain[node]!;
        if (domain < 0) return "label";
        if (s.counts[domain]! + s.selfMatch - s.min > s.constraint.maxSkew) return "skew";
      }
      return "ok";
    };
    return {
      name: "PodTopologySpread",
      fits: (node) => verdict(node) === "ok",
      reasons: (node) => [verdict(node) === "label" ? REASON_SPREAD_MISSING_LABEL : REASON_SPREAD],
    };
  },
};
