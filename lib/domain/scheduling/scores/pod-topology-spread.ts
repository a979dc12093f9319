import { spreadCounts } from "../spread-counts";
import { MAX_NODE_SCORE, type ScorePlugin } from "./score";

/**
 * kube PodTopologySpread score for ScheduleAnyway constraints: per node
 * Σ count(domain)·log(domains + 2) + (maxSkew − 1), rounded, where `domains` is how many domains the
 * feasible nodes span; then reversed against the maximum so emptier domains score higher. Nodes missing
 * a topology key are ignored (score 0).
 */
export const podTopologySpreadScore: ScorePlugin = {
  name: "PodTopologySpread",
  score(pod, cluster, feasible, count, out) {
    const soft = (pod.pod.affinity.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === "ScheduleAnyway");
    if (soft.length === 0) return false;
    const spreads = spreadCounts(pod, cluster, soft);
    const ignored = (node: number) => spreads.some((s) => s.domains.nodeDomain[node]! < 0);
    const weights = spreads.map((s) => {
      const seen = new Uint8Array(s.domains.names.length);
      let size = 0;
      for (let i = 0; i < count; i++) {
        const node = feasible[i]!;
        if (ignored(node)) continue;
        const domain = s.domains.nodeDomain[node]!;
        if (seen[domain] === 0) size++;
        seen[domain] = 1;
      }
      return Math.log(size + 2);
    });
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      if (ignored(node)) {
        out[i] = Number.NaN;
        continue;
      }
      let raw = 0;
      spreads.forEach((s, c) => {
        raw += s.counts[s.domains.nodeDomain[node]!]! * weights[c]! + (s.constraint.maxSkew - 1);
      });
      out[i] = Math.round(raw);
      min = Math.min(min, out[i]!);
      max = Math.max(max, out[i]!);
    }
    for (let i = 0; i < count; i++) {
      const raw = out[i]!;
      if (Number.isNaN(raw)) out[i] = 0;
      else out[i] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - raw)) / max);
    }
    return true;
  },
};
