import { isTolerated, UNSCHEDULABLE_TAINT } from "../tolerations";
import type { FilterPlugin } from "./filter";

export const REASON_UNSCHEDULABLE = "node(s) were unschedulable";
export const REASON_DRAINING = "node(s) were being drained";

/**
 * kube NodeUnschedulable: a cordoned node refuses pods unless they tolerate
 * `node.kubernetes.io/unschedulable:NoSchedule`. A node being drained refuses every pod: a drain plan
 * must empty it, so (unlike a plain cordon) tolerating pods are not put back.
 */
export const nodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  static: true,
  prepare(pod, cluster) {
    const tolerates = isTolerated(pod.pod.tolerations, UNSCHEDULABLE_TAINT);
    const { unschedulable, drainedNode } = cluster;
    return {
      name: "NodeUnschedulable",
      fits: (node) => node !== drainedNode && (tolerates || unschedulable[node] === 0),
      reasons: (node) => [node === drainedNode ? REASON_DRAINING : REASON_UNSCHEDULABLE],
    };
  },
};
