import type { ClusterState } from "./cluster-state";
import { labelValue } from "./labels";
import { anyTermMatches } from "./node-selector";
import type { TolerationVerdicts } from "./taint-sets";
import type { Pod } from "./types";

/** Node-label predicate: nodeSelector AND (any required node-affinity term). */
export type NodeLabelPredicate = (labels: Readonly<Record<string, string>>) => boolean;

/** What every plugin needs to know about the pending pod, worked out once per decision. */
export interface PodInfo {
  readonly pod: Pod;
  readonly cpu: number;
  readonly memory: number;
  readonly tolerations: TolerationVerdicts;
  /** null when the pod has neither a nodeSelector nor required node affinity. */
  readonly requiredNodeAffinity: NodeLabelPredicate | null;
}

/** kube NodeAffinity filter input: `nodeSelector` pairs and `required` terms must both hold. */
export function requiredNodeAffinity(pod: Pod): NodeLabelPredicate | null {
  const pairs = Object.entries(pod.nodeSelector);
  // An empty `required` list is treated as absent: the Kubernetes API rejects it, so it can only mean "none".
  const terms = pod.affinity.nodeAffinity?.required ?? [];
  if (pairs.length === 0 && terms.length === 0) return null;
  return (labels) => {
    for (const [key, value] of pairs) {
      if (labelValue(labels, key) !== value) return false;
    }
    return terms.length === 0 || anyTermMatches(terms, labels);
  };
}

export function podInfo(pod: Pod, cluster: ClusterState): PodInfo {
  return {
    pod,
    cpu: pod.requests.cpuMillis,
    memory: pod.requests.memoryMiB,
    tolerations: cluster.taints.verdictsFor(pod.tolerations),
    requiredNodeAffinity: requiredNodeAffinity(pod),
  };
}
