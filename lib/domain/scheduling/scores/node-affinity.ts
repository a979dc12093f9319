import { termMatches } from "../node-selector";
import { defaultNormalize } from "./normalize";
import type { ScorePlugin } from "./score";

/** kube NodeAffinity score: sum of the weights of matching preferred terms, normalized by the maximum. */
export const nodeAffinityScore: ScorePlugin = {
  name: "NodeAffinity",
  score(pod, cluster, feasible, count, out) {
    const preferred = pod.pod.affinity.nodeAffinity?.preferred ?? [];
    if (preferred.length === 0) return false;
    for (let i = 0; i < count; i++) {
      const labels = cluster.nodes[feasible[i]!]!.labels;
      let sum = 0;
      for (const { weight, preference } of preferred) if (termMatches(preference, labels)) sum += weight;
      out[i] = sum;
    }
    defaultNormalize(out, count, false);
    return true;
  },
};
