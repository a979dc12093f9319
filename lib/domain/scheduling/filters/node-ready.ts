import { isTolerated, NOT_READY_TAINT } from "../tolerations";
import type { FilterPlugin } from "./filter";

export const REASON_NOT_READY = "node(s) were not ready";

/**
 * NotReady nodes refuse pods. kube expresses this as the `node.kubernetes.io/not-ready:NoSchedule` taint
 * (TaintToleration); we read the Ready condition directly but keep the same escape hatch: a pod tolerating
 * that taint (DaemonSet-style) may still land there.
 */
export const nodeReady: FilterPlugin = {
  name: "NodeReady",
  static: true,
  prepare(pod, cluster) {
    if (isTolerated(pod.pod.tolerations, NOT_READY_TAINT)) return null;
    const { ready } = cluster;
    return { name: "NodeReady", fits: (node) => ready[node] === 1, reasons: () => [REASON_NOT_READY] };
  },
};
