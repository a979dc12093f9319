import { formatTaint } from "../tolerations";
import type { FilterPlugin } from "./filter";

/** kube TaintToleration filter: every NoSchedule/NoExecute taint must be tolerated (PreferNoSchedule only scores). */
export const taintToleration: FilterPlugin = {
  name: "TaintToleration",
  static: true,
  prepare(pod, cluster) {
    const { setOf, sets } = cluster.taints;
    const verdicts = pod.tolerations;
    return {
      name: "TaintToleration",
      fits: (node) => verdicts.untoleratedHard(setOf[node]!) < 0,
      reasons: (node) => {
        const set = setOf[node]!;
        const taint = sets[set]![verdicts.untoleratedHard(set)]!;
        return [`node(s) had untolerated taint ${formatTaint(taint)}`];
      },
    };
  },
};
