import type { FilterPlugin } from "./filter";

export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** kube NodeAffinity filter: nodeSelector and the required node-affinity terms (OR of ANDs). */
export const nodeAffinity: FilterPlugin = {
  name: "NodeAffinity",
  static: true,
  prepare(pod, cluster) {
    const matches = pod.requiredNodeAffinity;
    if (!matches) return null;
    const { nodes } = cluster;
    return {
      name: "NodeAffinity",
      fits: (node) => matches(nodes[node]!.labels),
      reasons: () => [REASON_NODE_AFFINITY],
    };
  },
};
