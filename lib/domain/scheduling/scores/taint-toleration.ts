import { defaultNormalize } from "./normalize";
import type { ScorePlugin } from "./score";

/** kube TaintToleration score: fewer intolerable PreferNoSchedule taints is better (normalized, reversed). */
export const taintTolerationScore: ScorePlugin = {
  name: "TaintToleration",
  score(pod, cluster, feasible, count, out) {
    const { setOf, sets } = cluster.taints;
    const verdicts = pod.tolerations;
    if (sets.length <= count) {
      // Usually a handful of distinct taint sets: count once per set, then the node loop is array reads.
      const perSet = Float64Array.from(sets, (_, set) => verdicts.intolerablePreferred(set));
      for (let i = 0; i < count; i++) out[i] = perSet[setOf[feasible[i]!]!]!;
    } else {
      for (let i = 0; i < count; i++) out[i] = verdicts.intolerablePreferred(setOf[feasible[i]!]!);
    }
    defaultNormalize(out, count, true);
    return true;
  },
};
